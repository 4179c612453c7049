import Foundation

/// The name a repository goes by when no context file names it: its `origin` remote's
/// `owner/name`, never the folder it happens to be cloned into, so that a baseline made in
/// one clone holds in another.
public enum RepositoryIdentity {
    /// The name used when neither a context file nor a remote names the repository.
    public static let unnamed = "this-repository"

    /// `owner/name` of the `origin` remote in `root/.git/config`, if there is one.
    public static func remoteName(root: String) -> String? {
        let config = (root as NSString).appendingPathComponent(".git/config")
        guard let text = try? String(contentsOfFile: config, encoding: .utf8) else { return nil }
        var inOrigin = false
        for line in text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("[") { inOrigin = line == "[remote \"origin\"]"; continue }
            guard inOrigin, line.hasPrefix("url") else { continue }
            let url = line.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return name(fromURL: url)
        }
        return nil
    }

    /// The repository's name: its remote's `owner/name`, or `unnamed`.
    public static func name(root: String) -> String { remoteName(root: root) ?? unnamed }

    /// `owner/name` from `git@host:owner/name.git`, `https://host/owner/name` and the like; a
    /// GitLab project in subgroups keeps its whole path (`group/subgroup/name`), which its
    /// pipeline's `$CI_PROJECT_PATH` is.
    public static func name(fromURL url: String) -> String? {
        var path = url
        if let scheme = path.range(of: "://") {
            path = String(path[scheme.upperBound...])
            guard let slash = path.firstIndex(of: "/") else { return nil }
            path = String(path[path.index(after: slash)...])
        } else if let colon = path.firstIndex(of: ":") {
            path = String(path[path.index(after: colon)...])
        }
        if path.hasSuffix(".git") { path.removeLast(4) }
        let parts = path.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return parts.joined(separator: "/")
    }
}
