import FirebreakModel
import Foundation

/// Code a script fetches from elsewhere and runs: a download piped into a shell
/// (`curl -sSf URL | sh`, `bash <(curl URL)`, `sh -c "$(wget -qO- URL)"`) or a repository it
/// clones (`git clone URL`), whose build files and scripts the job then runs. Whoever controls
/// the URL's content controls that code, unless the script pins it: a clone checked out at a
/// full commit, or a download whose URL names one.
enum FetchedCode {
    /// One fetch: where from, and how firmly pinned.
    struct Fetch: Equatable {
        var url: String
        var pin: PinState
    }

    /// The fetches in `script`, each URL once, in the order met. URLs that name a variable
    /// (`$CI_REPOSITORY_URL`, the project's own) are left out: their source is unknown here; so
    /// are clones of the repository itself (`repository`, `owner/name`), its own code.
    static func fetches(in script: String, repository: String) -> [Fetch] {
        fetches(in: script).filter { !isClone(of: repository, $0.url) }
    }

    /// Whether `url` is a clone URL of the repository `owner/name`.
    static func isClone(of repository: String, _ url: String) -> Bool {
        guard repository.contains("/") else { return false }
        var path = url.lowercased()
        if path.hasSuffix(".git") { path = String(path.dropLast(4)) }
        if path.hasSuffix("/") { path = String(path.dropLast()) }
        return path.hasSuffix("/" + repository.lowercased()) || path.hasSuffix(":" + repository.lowercased())
    }

    private static func fetches(in script: String) -> [Fetch] {
        let joined = script.replacingOccurrences(of: "\\\r\n", with: " ").replacingOccurrences(of: "\\\n", with: " ")
        let lines = joined.split(whereSeparator: \.isNewline).map(String.init)
        var found: [Fetch] = []
        func add(_ url: String, _ pin: PinState) {
            guard !url.contains("$"), !found.contains(where: { $0.url == url }) else { return }
            found.append(Fetch(url: url, pin: pin))
        }
        for line in lines {
            if let url = pipedIntoShell(line) { add(url, commit(inURL: url) != nil ? .digest : .none) }
        }
        for (url, ref) in clones(in: lines) {
            let pinned = checksOutCommit(in: joined) || ref.map { $0.count == 40 && $0.allSatisfy(\.isHexDigit) } ?? false
            add(url, pinned ? .digest : PinState.infer(fromVersion: ref))
        }
        return found
    }

    private static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "python", "python3", "node", "perl", "ruby", "pwsh", "iex"]

    /// The URL a line downloads and hands to an interpreter, if it does.
    private static func pipedIntoShell(_ line: String) -> String? {
        guard line.contains("curl") || line.contains("wget") || line.contains("Invoke-WebRequest") || line.contains("iwr") else { return nil }
        let segments = line.split(separator: "|", omittingEmptySubsequences: true).map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        // `curl URL | sh`, `curl URL | sudo bash -s --`.
        let piped = segments.dropFirst().contains { words in
            let command = words.drop { ["sudo", "-E", "env"].contains($0) || $0.contains("=") }.first ?? ""
            return shells.contains((command as NSString).lastPathComponent)
        }
        // `bash <(curl URL)`, `sh -c "$(curl URL)"`.
        let substituted = shells.contains { shell in line.contains("\(shell) <(") || line.contains("\(shell) -c \"$(") || line.contains("\(shell) -c '$(") }
        guard piped || substituted else { return nil }
        return url(in: line)
    }

    /// The first http(s) URL of a line, without the quotes around it.
    private static func url(in line: String) -> String? {
        let words = line.split { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "(" || $0 == ")" || $0 == "|" }
        return words.first { $0.hasPrefix("https://") || $0.hasPrefix("http://") }.map(String.init)
    }

    /// The repositories the lines clone, with the branch or tag they ask for.
    private static func clones(in lines: [String]) -> [(url: String, ref: String?)] {
        var result: [(String, String?)] = []
        for line in lines {
            let words = line.split { $0.isWhitespace || $0 == ";" || $0 == "&" || $0 == "\"" || $0 == "'" }.map(String.init)
            var index = 0
            while index + 1 < words.count {
                defer { index += 1 }
                guard words[index] == "git", words[index + 1] == "clone" else { continue }
                var ref: String?
                var position = index + 2
                while position < words.count, words[position].hasPrefix("-") {
                    let option = words[position]
                    if ["-b", "--branch", "--depth", "--origin", "-o", "--filter", "--reference", "-c", "--config", "--jobs", "-j"].contains(option) {
                        if option == "-b" || option == "--branch", position + 1 < words.count { ref = words[position + 1] }
                        position += 2
                    } else {
                        if option.hasPrefix("--branch=") { ref = String(option.dropFirst("--branch=".count)) }
                        position += 1
                    }
                }
                guard position < words.count else { continue }
                let source = words[position]
                if source.contains("://") || source.hasPrefix("git@") { result.append((source, ref)) }
            }
        }
        return result
    }

    /// Whether the script checks a clone out at a full commit (`git checkout <sha>`,
    /// `git -C dir checkout <sha>`, `git reset --hard <sha>`).
    private static func checksOutCommit(in script: String) -> Bool {
        let words = script.split { $0.isWhitespace || $0 == ";" || $0 == "&" }
        for (index, word) in words.enumerated() where word == "checkout" || word == "--hard" || word == "switch" {
            if let next = words.dropFirst(index + 1).first(where: { !$0.hasPrefix("-") }), next.count == 40, next.allSatisfy(\.isHexDigit) { return true }
        }
        return false
    }

    /// The full commit a URL names as a segment of its path (`.../-/raw/<commit>/ci.yml`,
    /// `raw.githubusercontent.com/owner/repo/<commit>/install.sh`): its owner cannot change what
    /// it serves, only the host can. Nil for a URL that names a branch, a tag or nothing.
    static func commit(inURL url: String) -> String? {
        let path: Substring = url.split(separator: "?", maxSplits: 1).first ?? Substring(url)
        let segments: [Substring] = path.split(separator: "/")
        return segments.first { $0.count == 40 && $0.allSatisfy(\.isHexDigit) }.map(String.init)
    }
}
