/// A pin written without knowing the commit: a well-formed but obviously fake digest, and a
/// comment naming the version it replaces, to be filled in by whoever applies the patch.
enum PinPlaceholder {
    static let commit = String(repeating: "0", count: 40)
    static let digest = "sha256:" + String(repeating: "0", count: 64)

    /// `uses` with its version replaced by the placeholder: `owner/repo@<commit>` or `image@sha256:<digest>`.
    static func pinned(_ uses: String, kind: String) -> (text: String, replaced: String) {
        if kind == "image" {
            let base = uses.split(separator: "@", maxSplits: 1).first.map(String.init) ?? uses
            return ("\(base)@\(digest)", base)
        }
        guard let at = uses.lastIndex(of: "@") else { return ("\(uses)@\(commit)", "no version") }
        return ("\(uses[..<at])@\(commit)", String(uses[uses.index(after: at)...]))
    }

    static func comment(replacing version: String) -> String {
        "  # firebreak: placeholder — pin the full commit (or digest) that \(version) points to today"
    }

    /// The line with `uses` (or what follows its `kind:` prefix, as GitLab includes are
    /// named) replaced by its pinned placeholder and the comment set; nil when the line does
    /// not hold it.
    static func pin(line: String, uses: String, kind: String) -> String? {
        var written = uses
        if line.range(of: written) == nil, let colon = uses.firstIndex(of: ":") { written = String(uses[uses.index(after: colon)...]) }
        guard let range = line.range(of: written) else { return nil }
        let (text, replaced) = pinned(written, kind: kind)
        // What follows the reference (a closing quote) stays; an old comment gives way to ours.
        var rest = String(line[range.upperBound...])
        if let hash = rest.range(of: " #") { rest = String(rest[..<hash.lowerBound]) }
        while rest.hasSuffix(" ") { rest.removeLast() }
        return String(line[..<range.lowerBound]) + text + rest + comment(replacing: replaced)
    }
}
