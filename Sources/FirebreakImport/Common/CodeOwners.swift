import Foundation

/// A CODEOWNERS file: the last matching pattern names a path's owners.
struct CodeOwners {
    struct Rule {
        var pattern: String
        var owners: [String]
    }

    var rules: [Rule] = []
    var file: String?

    /// Where code hosts look for the file, in their order: `.github/`, the root, `docs/`, then `.gitlab/`.
    static let locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"]

    /// Reads the first CODEOWNERS the code host would use.
    static func load(root: String) -> CodeOwners {
        for candidate in locations {
            let path = (root as NSString).appendingPathComponent(candidate)
            guard let data = FileManager.default.contents(atPath: path), data.count < 1_000_000 else { continue }
            var owners = CodeOwners(file: candidate)
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
                guard let pattern = words.first, !pattern.hasPrefix("#") else { continue }
                owners.rules.append(Rule(pattern: pattern, owners: Array(words.dropFirst().prefix { !$0.hasPrefix("#") })))
            }
            return owners
        }
        return CodeOwners()
    }

    /// The owners of a repository-relative path.
    func owners(of path: String) -> [String] {
        rules.last { Self.matches($0.pattern, path) }?.owners ?? []
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        let anchored = pattern.hasPrefix("/")
        if anchored { pattern.removeFirst() }
        if pattern.hasSuffix("/") { pattern += "**" }
        if pattern == "*" || pattern == "**" { return true }
        if !anchored, !pattern.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let glob = PathGlob(pattern)
            return glob.matches(name) || path.split(separator: "/").dropLast().contains { glob.matches(String($0)) }
        }
        // A pattern names the path itself or a folder above it.
        let glob = PathGlob(pattern)
        if glob.matches(path) { return true }
        var prefix = ""
        for part in path.split(separator: "/").dropLast() {
            prefix += prefix.isEmpty ? String(part) : "/\(part)"
            if glob.matches(prefix) { return true }
        }
        return false
    }
}
