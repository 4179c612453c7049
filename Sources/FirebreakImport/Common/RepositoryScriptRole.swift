import FirebreakModel

/// What the repository's own scripts a job runs say it does, by their names: a job whose
/// script is `.gitlab-ci/run-test.sh` or `ci/integration-tests` runs the tests, one that runs
/// `scripts/build.sh` or `tools/compile` builds. Such a script's contents are not read (it lives
/// in the repository, not the CI file), and a test or build script runs the project's code and
/// its dependencies as the tools it calls would.
enum RepositoryScriptRole {
    /// The role the names of the repository scripts the commands run give, tests before builds;
    /// nil when no script's name says either.
    static func role(of scripts: [String]) -> Job.Role? {
        var roles = Set<Job.Role>()
        for script in scripts where script.contains("/") {
            _ = ShellCommands.contains(in: script) { words in
                if let path = scriptPath(in: words), let role = role(named: path) { roles.insert(role) }
                return false
            }
        }
        return roles.contains(.test) ? .test : roles.contains(.build) ? .build : nil
    }

    /// The repository file a command runs by a relative path, itself (`ci/test.sh`) or through
    /// a shell or Python (`bash ci/test.sh`).
    static func scriptPath(in words: [Substring]) -> Substring? {
        guard let place = ShellCommands.commandPlace(in: words) else { return nil }
        var command = words[place]
        if ["bash", "sh", "python", "python3"].contains(command), place + 1 < words.count { command = words[place + 1] }
        return isRelativePath(command) ? command : nil
    }

    /// Whether a word is a path inside the working folder: it has a `/` and starts with a name,
    /// `./` or a hidden folder's dot (`.gitlab-ci/run.sh`), not `/`, `~`, `$`, `../`, a quote or
    /// an option, nor a URL.
    static func isRelativePath(_ word: Substring) -> Bool {
        guard word.contains("/"), !word.contains("://"), let first = word.first else { return false }
        if first == "." {
            let next = word.dropFirst().first
            return next == "/" || next.map { $0.isLetter || $0.isNumber || $0 == "_" } == true
        }
        return !"/~$-\"'({#<>".contains(first)
    }

    /// The role a script's file name says: a word `test` or `tests` in it, else `build` or `compile`.
    private static func role(named path: Substring) -> Job.Role? {
        let name = (path.split(separator: "/").last ?? path).lowercased()
        let words = Set(name.split { !$0.isLetter })
        if !words.isDisjoint(with: ["test", "tests"]) { return .test }
        if !words.isDisjoint(with: ["build", "compile"]) { return .build }
        return nil
    }
}
