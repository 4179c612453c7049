/// A script that unpacks an archive into a folder where it then runs git: whoever wrote the
/// archive runs code there. The archive may hold the folder's `.git/config` or `.git/hooks/`,
/// and git runs the programs they name: `core.fsmonitor` on any command that reads the index
/// (`git add`, `git status`, `git diff`), a `pre-commit` or `post-commit` hook on a commit (Git's
/// documentation, *git-config* and *githooks*). An archive unpacked into a folder of its own
/// that has no `.git` yet becomes that repository when it brings one.
enum GitTreeUnpacking {
    /// The folder where `script` unpacks an archive inside any of `names` (a download's name or
    /// folder: `tar -xzvf linux/manual.tar.gz -C site`, `unzip dist/site.zip -d site`) into a
    /// folder (the working folder, `.`, unless `-C`/`--directory`/`-d` says), then runs git there
    /// (`git -C site commit`, or `cd site` then `git add`); nil when it does not. A name counts
    /// as a whole path part.
    static func gitTree(unpackedFrom names: [String], in script: String) -> String? {
        guard TextSearch.contains(script, "git"), names.contains(where: { TextSearch.contains(script, $0) }) else { return nil }
        let inside = { (word: Substring) -> Bool in
            let path = folder(word)
            return names.contains { ("/" + path + "/").contains("/" + folder(Substring($0)) + "/") }
        }
        var unpackedInto: Set<String> = []
        var current = "."
        var found: String?
        _ = ShellCommands.contains(in: script) { words in
            let command = ShellCommands.commandWords(words)
            guard let tool = command.first else { return false }
            let arguments = command.dropFirst()
            switch tool {
            case "cd", "pushd":
                current = arguments.first.map { folder($0, from: current) } ?? "."
            case "tar" where extracts(arguments):
                let target = option(["-C", "--directory"], in: arguments)
                if arguments.contains(where: { inside($0) && !($0 == target || $0.hasSuffix("=" + (target ?? ""))) }) {
                    unpackedInto.insert(target.map { folder($0, from: current) } ?? current)
                }
            case "unzip":
                let target = option(["-d"], in: arguments)
                if arguments.contains(where: { inside($0) && $0 != target }) {
                    unpackedInto.insert(target.map { folder($0, from: current) } ?? current)
                }
            case "git":
                // Git looks for the repository from its folder upwards: a folder the archive
                // reached, or one below it (an archive in the working folder may bring any
                // folder's `.git`).
                let at = option(["-C"], in: arguments).map { folder($0, from: current) } ?? current
                found = unpackedInto.sorted().first { $0 == at || $0 == "." && !at.hasPrefix("/") || at.hasPrefix($0 + "/") }
                return found != nil
            default:
                break
            }
            return false
        }
        return found
    }

    /// How a job that unpacks an archive into `folder` and runs git there runs the archive, for the hop.
    static func how(_ folder: String) -> String {
        "it unpacks an archive of it into \(folder == "." ? "the working folder" : "'\(folder)'"), where git then runs: the archive may bring that folder's `.git/config` or hooks, which git runs"
    }

    /// Whether tar's words ask it to extract: `-x…`, `--extract`, `--get`, or the old style's
    /// first word of letters holding an `x` (`tar xzf archive`).
    private static func extracts(_ arguments: ArraySlice<Substring>) -> Bool {
        arguments.contains { $0 == "--extract" || $0 == "--get" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("x")) }
            || (arguments.first.map { !$0.hasPrefix("-") && $0.allSatisfy(\.isLetter) && $0.contains("x") } ?? false)
    }

    /// The value of the first of `names` among the words: `-C dir`, `--directory=dir`, `-Cdir`.
    private static func option(_ names: [String], in arguments: ArraySlice<Substring>) -> Substring? {
        for (place, word) in zip(arguments.indices, arguments) {
            for name in names {
                if word == name { return place + 1 < arguments.endIndex ? arguments[place + 1] : nil }
                if name.hasPrefix("--"), word.hasPrefix(name + "=") { return word.dropFirst(name.count + 1) }
                if !name.hasPrefix("--"), word.hasPrefix(name), word.count > name.count { return word.dropFirst(name.count) }
            }
        }
        return nil
    }

    /// A folder as written, without quotes, `./` or a trailing `/`; relative to `from` unless
    /// absolute or variable (`.` is the working folder).
    private static func folder(_ word: Substring, from base: String = ".") -> String {
        var path = word.filter { $0 != "\"" && $0 != "'" }[...]
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        if path.isEmpty || path == "." { return base }
        if base == "." || path.hasPrefix("/") || path.hasPrefix("$") || path.hasPrefix("~") { return String(path) }
        return base + "/" + path
    }
}
