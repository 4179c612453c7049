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
