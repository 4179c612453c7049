/// Whether a download takes an upload: `actions/download-artifact` names one artifact, matches
/// names with a glob (`pattern:`), or, with neither, takes every artifact of the run (GitHub
/// Docs, actions/download-artifact). An upload's name may hold `${{ }}` expressions, whose
/// values are not known here: each may be any text.
enum ArtifactNamePattern {
    /// The name a download without `name:` or `pattern:` is filed under: every artifact.
    static let everything = "*"

    private enum Token: Equatable {
        case anyText
        case anyCharacter
        case character(Character)
    }

    /// Whether some artifact name fits both the download's `pattern` (a glob: `*` any text,
    /// `?` and a `[...]` class one character) and the upload's `name`.
    static func overlaps(_ pattern: String, _ name: String) -> Bool {
        let globs = tokens(pattern, glob: true), names = tokens(name, glob: false)
        var memo: [Int: Bool] = [:]
        func fits(_ i: Int, _ j: Int) -> Bool {
            let key = i * (names.count + 1) + j
            if let known = memo[key] { return known }
            let result: Bool
            if i == globs.count, j == names.count {
                result = true
            } else if i < globs.count, globs[i] == .anyText {
                result = fits(i + 1, j) || (j < names.count && fits(i, j + 1))
            } else if j < names.count, names[j] == .anyText {
                result = fits(i, j + 1) || (i < globs.count && fits(i + 1, j))
            } else if i < globs.count, j < names.count {
                switch (globs[i], names[j]) {
                case (.character(let a), .character(let b)): result = a == b && fits(i + 1, j + 1)
                default: result = fits(i + 1, j + 1)
                }
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return fits(0, 0)
    }

    /// Whether a download's name is a pattern rather than one artifact's name.
    static func isPattern(_ text: String) -> Bool {
        text.contains("*") || text.contains("?") || text.contains("[") || text.contains("${{")
    }

    private static func tokens(_ text: String, glob: Bool) -> [Token] {
        var result: [Token] = []
        var rest = Substring(text)
        while let first = rest.first {
            if rest.hasPrefix("${{"), let end = rest.range(of: "}}") {
                if result.last != .anyText { result.append(.anyText) }
                rest = rest[end.upperBound...]
                continue
            }
            rest = rest.dropFirst()
            switch first {
            case "*" where glob:
                if result.last != .anyText { result.append(.anyText) }
            case "?" where glob:
                result.append(.anyCharacter)
            case "[" where glob:
                rest = rest.drop { $0 != "]" }.dropFirst()
                result.append(.anyCharacter)
            default:
                result.append(.character(first))
            }
        }
        return result
    }
}
