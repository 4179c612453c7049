import FirebreakModel

extension String {
    /// The line within `width` characters: cut at the end with `…` when longer.
    func clipped(to width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }
}

extension String {
    /// A path within `width` characters: its start gives way to `…` (the end names the folder).
    func keepingEnd(_ width: Int) -> String {
        count <= width || width < 2 ? self : "…" + suffix(width - 1)
    }
}

extension SourceLocation {
    /// `file:line:column` relative to the input folder `root`, as a reader finds it.
    func description(relativeTo root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return description.hasPrefix(prefix) ? String(description.dropFirst(prefix.count)) : description
    }
}

extension String {
    /// The text after `lead`, wrapped at spaces so that each line stays within `width`: the
    /// lines after the first start with `lead` and spaces as wide as `hanging` (a label such
    /// as `note: `). A word wider than a line is cut at its end.
    func wrapped(after lead: String, hanging: String = "", width: Int) -> [String] {
        let indent = lead + String(repeating: " ", count: hanging.count)
        // No room beside the lead: one line, cut.
        guard indent.count < width - 1 else { return [(lead + hanging + self).clipped(to: width)] }
        var lines: [String] = []
        var line = lead + hanging
        var empty = true
        for word in split(separator: " ") {
            if !empty, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines.map { $0.clipped(to: width) }
    }
}
