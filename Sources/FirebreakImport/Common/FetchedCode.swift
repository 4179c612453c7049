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
        /// The revision the script names by a variable (`--revision=$COMMIT`), whose value no
        /// file here gives: the pin is taken to move, an assumption to state.
        var variableRevision: String? = nil
        /// The command, named by a variable (`$fdroid build`), that the script runs inside the
        /// clone and that is the only sign the clone's code runs: taken to run it, an assumption
        /// to state.
        var variableCommand: String? = nil
    }

    /// What is assumed of a clone in which the script runs a command a variable names.
    static func variableCommandStatement(_ url: String, _ command: String) -> String {
        "the script runs `$\(command)` inside its clone of '\(url)', a command a variable names: taken to build or run what the clone holds"
    }

    static let variableCommandSettle = "check what the variable runs; if it runs nothing of the clone's, the clone is only data"

    /// What is assumed of a clone checked out at a revision a variable names.
    static func variableRevisionStatement(_ url: String, _ revision: String) -> String {
        "the script clones '\(url)' at '\(revision)', a variable whose value no file here gives: taken to name a branch, which moves"
    }

    static let variableRevisionSettle = "write the full commit in the script (`git clone --revision=<40-hex commit>`), or check that the variable holds one"

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
        // Most scripts fetch nothing: a byte search rules them out before any splitting.
        let downloading = fetchTools.contains { TextSearch.contains(script, $0) }
        let cloning = TextSearch.contains(script, "clone")
        guard downloading || cloning else { return [] }
        let joined = TextSearch.replacing("\\\n", with: " ", in: TextSearch.replacing("\\\r\n", with: " ", in: script))
        let lines = TextSplit.lines(joined).map(String.init)
        var found: [Fetch] = []
        func add(_ url: String, _ pin: PinState, variableRevision: String? = nil, variableCommand: String? = nil) {
            guard !url.contains("$"), !found.contains(where: { $0.url == url }) else { return }
            found.append(Fetch(url: url, pin: pin, variableRevision: variableRevision, variableCommand: variableCommand))
        }
        if downloading {
            for line in lines {
                if let url = pipedIntoShell(line) { add(url, pin(ofURL: url)) }
            }
        }
        let cloned = cloning ? Array(clones(in: lines).prefix(Self.examined)) : []
        let downloaded = downloading ? Array(downloads(in: lines).prefix(Self.examined)) : []
        guard !cloned.isEmpty || !downloaded.isEmpty else { return found }
        let words = ShellWords(joined)
        // Each clone and download costs a pass over the script's words: a bounded number of them.
        for clone in cloned {
            guard let run = run(of: clone.directory, in: words) else { continue }
            let pinned = checksOutCommit(clone.directory, in: joined) || clone.ref.map { $0.count == 40 && $0.allSatisfy(\.isHexDigit) } ?? false
            let variable = !pinned && clone.revision && clone.ref?.hasPrefix("$") == true ? clone.ref : nil
            var command: String?
            if case .byVariableCommand(let name) = run { command = name }
            add(clone.url, pinned ? .digest : PinState.infer(fromVersion: clone.ref), variableRevision: variable, variableCommand: command)
        }
        for download in downloaded where executes(download.file, in: words) {
            add(download.url, pin(ofURL: download.url))
        }
        return found
    }

    /// The words a download into a shell needs one of.
    private static let fetchTools = ["curl", "wget", "iwr", "Invoke-WebRequest"]

    /// The most clones, and the most downloads, one script is examined for.
    static let examined = 64

    private static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "python", "python3", "node", "perl", "ruby", "pwsh", "iex"]

    /// The URL a line downloads and hands to an interpreter, if it does.
    private static func pipedIntoShell(_ line: String) -> String? {
        guard fetchTools.contains(where: { TextSearch.contains(line, $0) }) else { return nil }
        // `curl URL | sh`, `curl URL | sudo bash -s --`; `||` is no pipe, and an interpreter given
        // its program (`python3 -c ...`, `node -e ...`, `python -m json.tool`) reads the download as data.
        let segments = TextSearch.replacing("||", with: ";", in: line).split(separator: ";").first { $0.contains("curl") || $0.contains("wget") || $0.contains("iwr") || $0.contains("Invoke-WebRequest") }
            .map { $0.split(separator: "|").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } } ?? []
        let piped = segments.dropFirst().contains { words in
            guard let place = CommandWrappers.commandPlace(in: words.map { Substring($0) }) else { return false }
            let command = words[place...]
            guard let interpreter = command.first, shells.contains((interpreter as NSString).lastPathComponent) else { return false }
            return !command.dropFirst().contains { ["-c", "-e", "-m", "-ne", "-pe", "-Command"].contains($0) }
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

    /// One clone: its URL, the branch or tag it asks for, and the folder it makes.
    private struct Clone {
        var url: String
        var ref: String?
        var directory: String
        /// Whether `ref` is a `--revision` (a commit, branch or tag) rather than a `--branch`
        /// (a branch or tag, which moves whatever it is named).
        var revision = false
    }

    /// The repositories the lines clone into a working tree here: not a bare or mirror clone
    /// (no files to run), nor one a remote machine makes (`ssh host "git clone ..."`).
    private static func clones(in lines: [String]) -> [Clone] {
        var result: [Clone] = []
        for line in lines where TextSearch.contains(line, "clone") {
            if line.split(whereSeparator: \.isWhitespace).first == "ssh" { continue }
            for command in line.split(whereSeparator: { $0 == ";" || $0 == "&" || $0 == "|" }) {
                result += clones(inCommand: command)
            }
        }
        return result
    }

    /// The clones of one command (`git clone [options] URL [folder]`).
    private static func clones(inCommand command: Substring) -> [Clone] {
        var result: [Clone] = []
        // Quotes are taken out of a word, not split on: `--revision="${COMMIT}"` stays one option.
        let words = command.split(whereSeparator: \.isWhitespace).map { String($0.filter { $0 != "\"" && $0 != "'" }) }.filter { !$0.isEmpty }
        var index = 0
        while index + 1 < words.count {
            defer { index += 1 }
            guard words[index] == "git", words[index + 1] == "clone" else { continue }
            var ref: String?, bare = false, revision = false
            var position = index + 2
            while position < words.count, words[position].hasPrefix("-") {
                let option = words[position]
                if ["-b", "--branch", "--revision", "--depth", "--origin", "-o", "--filter", "--reference", "-c", "--config", "--jobs", "-j"].contains(option) {
                    if option == "-b" || option == "--branch" || option == "--revision", position + 1 < words.count {
                        ref = words[position + 1]
                        revision = option == "--revision"
                    }
                    position += 2
                } else {
                    if option.hasPrefix("--branch=") { ref = String(option.dropFirst("--branch=".count)) }
                    // `--revision` (Git 2.49) checks out one commit, branch or tag, detached.
                    if option.hasPrefix("--revision=") {
                        ref = String(option.dropFirst("--revision=".count))
                        revision = true
                    }
                    if option == "--bare" || option == "--mirror" { bare = true }
                    position += 1
                }
            }
            guard position < words.count, !bare else { continue }
            let source = words[position]
            guard source.contains("://") || source.hasPrefix("git@") else { continue }
            let named = position + 1 < words.count && !words[position + 1].hasPrefix(">") && !words[position + 1].hasPrefix("2>") ? words[position + 1] : nil
            let last = String(source.split(separator: "/").last ?? "")
            let directory = named ?? (last.hasSuffix(".git") ? String(last.dropLast(4)) : last)
            result.append(Clone(url: source, ref: ref, directory: directory.hasPrefix("./") ? String(directory.dropFirst(2)) : directory, revision: revision))
        }
        return result
    }

    /// Commands that build or run what the folder they are given holds.
    private static let builders: Set<Substring> = ["make", "cmake", "meson", "ninja", "go", "cargo", "npm", "yarn", "pnpm", "pip", "pip3",
                                                   "python", "python3", "bash", "sh", "source", ".", "node", "ruby", "perl", "mvn", "gradle",
                                                   "bundle", "rake", "dotnet", "install", "sudo"]

    /// How a script runs code from a folder.
    private enum FolderRun {
        /// A command from it (`./tool/run`), a build in it (`cd tool && make`, `make -C tool`,
        /// `pip install ./tool`), or the folder is named by a variable.
        case runs
        /// Only a command a variable names runs inside it (`cd tool && $runner build`).
        case byVariableCommand(String)
    }

    /// Whether the script runs code from a folder (`FolderRun`); nil when nothing shows it does.
    private static func run(of directory: String, in script: ShellWords) -> FolderRun? {
        guard !directory.isEmpty, !directory.contains("$"), !directory.hasPrefix("~") else { return .runs }
        func inside(_ word: Substring) -> Bool {
            let path = word.hasPrefix("./") ? word.dropFirst(2) : word
            return path == directory || path.hasPrefix(directory + "/")
        }
        let words = script.words
        var inFolder = false
        var variableCommand: Substring?
        for (place, word) in words.enumerated() {
            let starts = script.startsCommand[place]
            if starts, inside(word), word.contains("/"), !word.hasSuffix("/") { return .runs }
            // `pushd` enters a folder as `cd` does; `popd` leaves it.
            if starts, word == "cd" || word == "pushd" { inFolder = place + 1 < words.count && inside(words[place + 1]); continue }
            if starts, word == "popd" { inFolder = false; continue }
            if starts, inFolder, builders.contains(word) || (word.hasPrefix("./") && word.count > 2) { return .runs }
            if starts, inFolder, variableCommand == nil, script.isExpansion(place) { variableCommand = word }
            if starts, builders.contains(word) {
                var next = place + 1
                while next < words.count, !script.startsCommand[next] {
                    if inside(words[next]) { return .runs }
                    next += 1
                }
            }
        }
        return variableCommand.map { .byVariableCommand(String($0)) }
    }

    /// The files the lines download (`wget URL`, `wget -O file URL`, `curl -o file URL`,
    /// `curl -O URL`), with the name each is saved under.
    private static func downloads(in lines: [String]) -> [(url: String, file: String)] {
        var result: [(String, String)] = []
        for line in lines where TextSearch.contains(line, "wget") || TextSearch.contains(line, "curl") {
            let words = line.split { $0.isWhitespace || $0 == ";" || $0 == "&" || $0 == "\"" || $0 == "'" }.map(String.init)
            guard let tool = words.firstIndex(where: { $0 == "wget" || $0 == "curl" }) else { continue }
            guard let url = words[tool...].first(where: { $0.hasPrefix("https://") || $0.hasPrefix("http://") }) else { continue }
            var file: String?
            // Short options may come clustered (`curl -sSLo file`, `curl -sSLO URL`): an `o` last in
            // a cluster takes the next word as the file; an `O` anywhere saves under the URL's name.
            func cluster(_ word: String) -> Bool { word.hasPrefix("-") && !word.hasPrefix("--") && word.count > 2 }
            for (place, word) in words.enumerated() where place > tool && place + 1 < words.count
                && (word == "-O" || word == "-o" || word == "--output" || word == "--output-document" || (words[tool] == "curl" && cluster(word) && word.hasSuffix("o"))) {
                if !(words[tool] == "curl" && word == "-O") { file = words[place + 1] }
            }
            let remoteName = words.contains("-O") || words.contains("--remote-name") || (words[tool] == "curl" && words[tool...].contains { cluster($0) && $0.contains("O") })
            if file == nil, words[tool] == "wget" || remoteName {
                file = url.split(separator: "?").first.flatMap { $0.split(separator: "/").last }.map(String.init)
            }
            if let file, file != "-", !file.hasPrefix("/dev/") { result.append((url, file)) }
        }
        return result
    }

    /// Whether the script runs a downloaded file: as a command (`./trigger-build.rb`) or with an
    /// interpreter (`ruby trigger-build.rb`, `sh install.sh`).
    private static func executes(_ file: String, in script: ShellWords) -> Bool {
        let words = script.words
        let plain = file.hasPrefix("./") ? String(file.dropFirst(2)) : file
        for (place, word) in words.enumerated() where script.startsCommand[place] {
            if word == "./" + plain || (file.contains("/") && word == file) { return true }
            if builders.contains(word) || ["ruby", "php", "pwsh"].contains(word),
               place + 1 < words.count, words[(place + 1)...].prefix(3).contains(where: { $0 == plain || $0 == "./" + plain }) {
                return true
            }
        }
        return false
    }

    /// Whether the script checks the clone in `directory` out at a full commit: `git -C dir
    /// checkout <sha>` (or `reset --hard`, `switch --detach`), or the same after `cd dir`.
    private static func checksOutCommit(_ directory: String, in script: String) -> Bool {
        let words = script.split { $0.isWhitespace || $0 == ";" || $0 == "&" || $0 == "\"" || $0 == "'" }.map(String.init)
        func names(_ word: String) -> Bool { (word.hasPrefix("./") ? String(word.dropFirst(2)) : word) == directory }
        var current = ""
        for (index, word) in words.enumerated() {
            if word == "cd", index + 1 < words.count { current = words[index + 1]; continue }
            guard word == "git" else { continue }
            var rest = words.dropFirst(index + 1)
            var inFolder = names(current)
            if rest.first == "-C", rest.count > 1 { inFolder = names(rest[rest.startIndex + 1]); rest = rest.dropFirst(2) }
            guard inFolder, let verb = rest.first, ["checkout", "reset", "switch"].contains(verb) else { continue }
            if let target = rest.dropFirst().first(where: { !$0.hasPrefix("-") }), target.count == 40, target.allSatisfy(\.isHexDigit) { return true }
        }
        return false
    }

    /// How firmly a downloaded URL names what it serves: a commit where the host's layout puts
    /// one (`commit(inURL:)`); a version, as a tag, where a segment of its path is one
    /// (`dl.k8s.io/release/v1.35.3/bin/linux/amd64/kubectl`, `astral.sh/uv/0.10.8/install.sh`),
    /// which whoever publishes there can still replace; else none, whatever is served now.
    static func pin(ofURL url: String) -> PinState {
        if commit(inURL: url) != nil { return .digest }
        let path = (url.split(separator: "?", maxSplits: 1).first ?? Substring(url)).split(separator: "/").dropFirst(2)
        return path.contains(where: isVersion) ? .tag : .none
    }

    /// A dotted version, `v` first or not, with a suffix after a dash or a plus (`1.2`, `v1.35.3`, `2.0.0-rc.1`).
    private static func isVersion(_ segment: Substring) -> Bool {
        let core = (segment.first == "v" || segment.first == "V" ? segment.dropFirst() : segment).prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The full commit a URL names as a segment of its path (`.../-/raw/<commit>/ci.yml`,
    /// `raw.githubusercontent.com/owner/repo/<commit>/install.sh`): its owner cannot change what
    /// it serves, only the host can. Nil for a URL that names a branch, a tag or nothing.
    /// Only where the host's layout puts a commit: after `raw` (GitLab's `/-/raw/<commit>/`,
    /// GitHub's `/owner/repo/raw/<commit>/`, gists) or as `raw.githubusercontent.com`'s third
    /// segment; elsewhere a commit-like segment proves nothing about what is served.
    static func commit(inURL url: String) -> String? {
        let path: Substring = url.split(separator: "?", maxSplits: 1).first ?? Substring(url)
        let segments: [Substring] = path.split(separator: "/")
        for (place, segment) in segments.enumerated() where segment.count == 40 && segment.allSatisfy(\.isHexDigit) {
            let afterRaw = place > 0 && segments[place - 1] == "raw"
            let rawGitHub = place == 4 && segments.count > 1 && segments[1].lowercased() == "raw.githubusercontent.com"
            if afterRaw || rawGitHub { return String(segment) }
        }
        return nil
    }
}
