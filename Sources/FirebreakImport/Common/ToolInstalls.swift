import FirebreakModel
import Foundation

/// Tools a script installs from a package registry by name as it runs (`npm install -g
/// @node-core/utils`, `pip install twine`, `cargo install cargo-deny`, `go install
/// golang.org/x/vuln/cmd/govulncheck@latest`): the job runs whatever that package's owners
/// published last, so whoever takes over their account runs code in the job, as with an action
/// on a tag. A registry keeps a published version's content (npm, PyPI, crates.io and RubyGems
/// refuse to publish a version again; Go's checksum database fixes a module version's), so an
/// exact version holds the tool's own code. The dependencies it pulls in are resolved when it
/// is installed (npm, pip, cargo without `--locked`, gem): the scenarios say that as unseen.
///
/// What is read as the repository's own dependencies is left out: manifests and lock files
/// (`pip install -r requirements.txt`, `npm ci`, `npm install` with no package), local paths,
/// archives and URLs, and names built from variables.
enum ToolInstalls {
    /// One tool installed by name: by which installer (`pip`, `npm`, `cargo`, `go`, `gem`: its
    /// ecosystem, whichever index it is given), and how firmly its version is fixed.
    struct Install: Equatable {
        var installer: String
        var name: String
        var pin: PinState
        /// The constraints file the install reads (`pip install -c constraints.txt tool`), which
        /// may fix the version where the command does not: not opened here.
        var constraints: String? = nil

        /// How the tool is named as a step (`pip:twine`, `npm:@node-core/utils`).
        var uses: String { "\(installer):\(name)" }
    }

    /// What is assumed of a tool installed with a constraints file but no exact version.
    static func constraintsStatement(_ install: Install) -> String {
        "'\(install.uses)' is installed with the constraints in '\(install.constraints ?? "")', which this reading does not open: taken to fix no version"
    }

    static func constraintsSettle(_ install: Install) -> String {
        "name the exact version on the command (`\(install.name)==X.Y.Z`), or check that '\(install.constraints ?? "")' pins one"
    }

    /// The tools the script installs, each once, in the order met.
    static func installs(in script: String) -> [Install] {
        // Most scripts install nothing by name: a byte search for the commands' words rules them
        // out before any splitting.
        guard installing.contains(where: { TextSearch.contains(script, $0) }) else { return [] }
        var found: [Install] = []
        _ = ShellCommands.contains(in: script) { words in
            for install in installs(command: Array(ShellCommands.commandWords(words))) where !found.contains(install) {
                found.append(install)
            }
            return false
        }
        return found
    }

    /// Where on `line` the package `name` is written as a word of its own (past the installer's
    /// own name: `pip install --upgrade pip` names it after `install`), as an offset in
    /// characters; nil when it is not.
    static func offset(of name: String, in line: Substring) -> Int? {
        let ends: Set<Character> = [" ", "\"", "'", "=", "<", ">", "[", "@", "!", "~", ";", ":"]
        // Past the installer's command word (`install`, `add`, `run`, `uvx`).
        let command = [" install ", " add ", " run ", "uvx ", " i "].compactMap { line.range(of: $0)?.upperBound }.min()
        var rest = line[(command.map { line.index(before: $0) } ?? line.startIndex)...]
        var found: Int?
        while let range = rest.range(of: name, options: .caseInsensitive) {
            let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
            let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
            if before.map({ $0 == " " || $0 == "\"" || $0 == "'" }) ?? false, after.map({ ends.contains($0) }) ?? true {
                found = line.distance(from: line.startIndex, to: range.lowerBound)
            }
            if found != nil { break }
            rest = line[range.upperBound...]
        }
        return found
    }

    /// The words one of which a script that installs by name holds: every command read here
    /// says `install` (or `binstall`), but for the runners, `add` and `go get`.
    private static let installing = ["install", "uvx", "tool run", "pipx run", " add ", "npm i ", "go run", "go get"]

    /// The commands read here.
    private static let tools: Set<String> = ["pip", "pip3", "python", "python3", "py", "uv", "uvx", "pipx", "npm", "yarn", "pnpm", "cargo",
                                             "go", "gem"]

    /// The tools one command installs.
    static func installs(command written: [Substring]) -> [Install] {
        guard let first = written.first else { return [] }
        var tool = first.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        if tool.hasSuffix(".exe") { tool.removeLast(4) }
        guard tools.contains(tool) else { return [] }
        let words = joiningExpressions(written)
        var rest = Array(words.dropFirst())
        // uv's own options before its command (`uv --directory tools pip install …`).
        if tool == "uv" {
            while let option = rest.first, option.hasPrefix("-") { rest.removeFirst(uvValued.contains(option) && rest.count > 1 ? 2 : 1) }
        }
        switch tool {
        case "pip", "pip3":
            // pip's own options may come before its command (`pip3 --timeout 100 install …`).
            var place = 0
            while place < rest.count, rest[place].hasPrefix("-") { place += pipValued.contains(rest[place]) ? 2 : 1 }
            let args = Array(rest.dropFirst(place))
            return args.first == "install" ? python(Array(args.dropFirst())) : []
        case "python", "python3", "py":
            return rest.starts(with: ["-m", "pip", "install"]) ? python(Array(rest.dropFirst(3))) : []
        case "uv" where rest.starts(with: ["pip", "install"]):
            return python(Array(rest.dropFirst(2)))
        case "uv" where rest.starts(with: ["tool", "install"]):
            return python(Array(rest.dropFirst(2)))
        case "uv" where rest.starts(with: ["tool", "run"]):
            return python(Array(rest.dropFirst(2)), firstOnly: true)
        case "uvx":
            return python(rest, firstOnly: true)
        case "pipx" where rest.first == "install":
            return python(Array(rest.dropFirst()))
        case "pipx" where rest.first == "run":
            return python(Array(rest.dropFirst()), firstOnly: true)
        case "npm" where ["install", "i", "add"].contains(rest.first ?? ""):
            return node(Array(rest.dropFirst()))
        case "yarn" where rest.starts(with: ["global", "add"]):
            return node(Array(rest.dropFirst(2)))
        case "pnpm" where ["add", "install", "i"].contains(rest.first ?? "") && rest.contains { $0 == "-g" || $0 == "--global" }:
            return node(Array(rest.dropFirst()))
        case "cargo" where rest.first == "install" || rest.first == "binstall":
            return rust(Array(rest.dropFirst()))
        case "go" where ["install", "run", "get"].contains(rest.first ?? ""):
            return golang(Array(rest.dropFirst()))
        case "gem" where rest.first == "install":
            return ruby(Array(rest.dropFirst()))
        default:
            return []
        }
    }

    // MARK: Each registry's way of naming a package and its version

    /// pip's requirement specifiers (`twine`, `twine==5.1.1`, `black[jupyter]>=24`): exact with
    /// `==` and no wildcard, or `===`; uv's runners also take `tool@1.2.3`. `firstOnly`: a runner
    /// (`uvx tool args…`) installs its first word, the rest are the tool's arguments; it installs
    /// what `--from` names instead, and what `--with` adds besides.
    private static func python(_ arguments: [Substring], firstOnly: Bool = false) -> [Install] {
        var options = OptionValues()
        var specs: [Substring] = []
        for word in positional(arguments, valued: pipValued, into: &options) {
            guard let spec = packageWord(word) else {
                if firstOnly { break } else { continue }
            }
            specs.append(spec)
            if firstOnly { break }
        }
        if firstOnly, let from = options.from { specs = [from] }
        specs += options.with
        let constraints = options.constraints.map { String($0.filter { $0 != "\"" && $0 != "'" }) }
        return specs.compactMap { spec -> Install? in
            guard let spec = packageWord(spec) else { return nil }
            let cut = spec.firstIndex { "<>=!~;@[ (".contains($0) } ?? spec.endIndex
            let name = spec[..<cut].lowercased()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { return nil }
            var version = Substring(spec[cut...].filter { $0 != " " })
            if version.hasPrefix("["), let close = version.firstIndex(of: "]") { version = version[version.index(after: close)...] }
            let exact = version.hasPrefix("===") || version.hasPrefix("==") && !version.contains("*") && !version.contains(",")
                || firstOnly && version.hasPrefix("@") && isFullVersion(version.dropFirst())
            return Install(installer: "pip", name: name, pin: exact ? .digest : version.isEmpty ? .none : .range, constraints: exact ? nil : constraints)
        }
    }

    /// npm's package specs (`tool`, `tool@1.2.3`, `@scope/tool@latest`): exact for a full
    /// version, a tag its publishers move for a dist-tag (`latest`, `next`), none for a range.
    private static func node(_ arguments: [Substring]) -> [Install] {
        var ignored = OptionValues()
        return positional(arguments, valued: npmValued, into: &ignored).compactMap { word -> Install? in
            guard let spec = packageWord(word, scoped: true) else { return nil }
            let at = spec.dropFirst().lastIndex(of: "@")
            let name = at.map { spec[..<$0] } ?? spec
            let version = at.map { spec[spec.index(after: $0)...] } ?? ""
            guard !name.isEmpty else { return nil }
            return Install(installer: "npm", name: String(name), pin: versionPin(version))
        }
    }

    /// `cargo install crate`, `crate@1.2.3` or `--version 1.2.3`: a plain or `=` version is
    /// exact (cargo reads any other as a requirement); a crate from `--git` or `--path` is not
    /// the registry's.
    private static func rust(_ arguments: [Substring]) -> [Install] {
        guard !arguments.contains(where: { $0 == "--git" || $0 == "--path" || $0.hasPrefix("--git=") || $0.hasPrefix("--path=") }) else { return [] }
        let flag = arguments.firstIndex { $0 == "--version" || $0 == "--vers" }
        let given = flag.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        var ignored = OptionValues()
        return positional(arguments, valued: cargoValued, into: &ignored).compactMap { word -> Install? in
            guard let spec = packageWord(word) else { return nil }
            let parts = spec.split(separator: "@", maxSplits: 1)
            let version = parts.count > 1 ? parts[1] : given ?? ""
            let plain = version.hasPrefix("=") ? version.dropFirst() : version
            return Install(installer: "cargo", name: String(parts[0]), pin: isFullVersion(plain) ? .digest : version.isEmpty || version.contains("$") ? .none : .range)
        }
    }

    /// `go install module/path@version` (or `go run`, or `go get`, which adds it to the module the
    /// job then builds): a version (or a commit) fixes the module and, through its go.mod, what
    /// it builds with; `@latest` takes the newest, a branch moves. A path with no version is the
    /// repository's own module's, or what its go.mod already requires.
    private static func golang(_ arguments: [Substring]) -> [Install] {
        arguments.filter { !$0.hasPrefix("-") && $0.contains("@") }.compactMap { word -> Install? in
            let text = word.filter { $0 != "\"" && $0 != "'" }
            guard !text.contains("$"), !text.hasPrefix("."), let at = text.lastIndex(of: "@") else { return nil }
            let version = String(text[text.index(after: at)...])
            let pin: PinState = ["latest", "upgrade", "patch"].contains(version) ? .none
                : version.first == "v" && version.dropFirst().first?.isNumber == true ? .digest
                : PinState.infer(fromVersion: version)
            return Install(installer: "go", name: String(text[..<at]), pin: pin)
        }
    }

    /// `gem install name` or `-v 1.2.3`: a plain version is exact.
    private static func ruby(_ arguments: [Substring]) -> [Install] {
        let flag = arguments.firstIndex { $0 == "-v" || $0 == "--version" }
        let given = flag.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }.map { $0.filter { $0 != "\"" && $0 != "'" } }
        var ignored = OptionValues()
        return positional(arguments, valued: gemValued, into: &ignored).compactMap { word -> Install? in
            guard let spec = packageWord(word) else { return nil }
            let parts = spec.split(separator: ":", maxSplits: 1)
            let version = parts.count > 1 ? String(parts[1]) : given ?? ""
            return Install(installer: "gem", name: String(parts[0]), pin: isFullVersion(Substring(version)) ? .digest : version.isEmpty ? .none : .range)
        }
    }

    // MARK: Words

    /// The words with a `${{ … }}` or a quoted text spread over several
    /// (`requirements-${{ matrix.backend }}.txt`, `"twine == 5.1.1"`) joined into one, as the
    /// step's text has it before GitHub puts the value in and the shell takes the quotes off.
    private static func joiningExpressions(_ words: [Substring]) -> [Substring] {
        var result: [Substring] = []
        var open: (text: String, closer: String)?
        for word in words {
            if let (text, closer) = open {
                let joined = text + " " + word
                if word.contains(closer) {
                    result.append(Substring(joined))
                    open = nil
                } else {
                    open = (joined, closer)
                }
            } else if let start = word.range(of: "${{"), !word[start.upperBound...].contains("}}") {
                open = (String(word), "}}")
            } else if let quote = word.first, quote == "\"" || quote == "'", word.filter({ $0 == quote }).count == 1 {
                open = (String(word), String(quote))
            } else {
                result.append(word)
            }
        }
        if let open { result.append(Substring(open.text)) }
        return result
    }

    /// What some options of an install say: the package a runner installs instead of its first
    /// word (`--from`), the ones it adds (`--with`), and a constraints file (`-c`).
    private struct OptionValues {
        var from: Substring?
        var with: [Substring] = []
        var constraints: Substring?
    }

    /// The words that are not options nor the values options take; `options` receives the values
    /// of `--from`, `--with` and `-c`.
    private static func positional(_ arguments: [Substring], valued: Set<Substring>, into options: inout OptionValues) -> [Substring] {
        var result: [Substring] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            // A redirection or a comment ends what the command installs.
            if word.hasPrefix(">") || word.hasPrefix("2>") || word.hasPrefix("#") { break }
            if index + 1 < arguments.count {
                let value = arguments[index + 1]
                switch word {
                case "--from": options.from = value
                case "--with": options.with.append(value)
                case "-c", "--constraint", "--constraints": options.constraints = value
                default: break
                }
            }
            if word.hasPrefix("-") {
                index += valued.contains(word) ? 2 : 1
                continue
            }
            result.append(word)
            index += 1
        }
        return result
    }

    /// A word as a registry's package name with its version, quotes taken off; nil for a local
    /// path, an archive, a URL, a requirements file or a name built from a variable.
    private static func packageWord(_ word: Substring, scoped: Bool = false) -> Substring? {
        let text = word.filter { $0 != "\"" && $0 != "'" }
        guard !text.isEmpty, !text.contains("$"), !text.contains("://"), !text.hasPrefix("*"), !text.hasPrefix("."), !text.hasPrefix("~"),
              !text.hasPrefix("git+"), !text.contains(":/") else { return nil }
        let archive = [".whl", ".tar.gz", ".tgz", ".zip", ".gem", ".txt", ".toml", ".json"].contains { text.lowercased().hasSuffix($0) }
        // A scoped npm name has one slash after its `@scope`; any other slash is a path or a
        // host's shorthand (`owner/repo`), which is not the registry's.
        let slashes = text.filter { $0 == "/" }.count
        let path = scoped ? slashes > (text.hasPrefix("@") ? 1 : 0) : slashes > 0
        guard !archive, !path else { return nil }
        return Substring(text)
    }

    /// How firmly an npm version holds: a full version exactly, a dist-tag as a tag its
    /// publishers move, a range (`11`, `^1.2`, `~11.10.0`) to the newest inside it, nothing not at all.
    private static func versionPin(_ version: Substring) -> PinState {
        if version.isEmpty { return .none }
        if isFullVersion(version.first == "v" ? version.dropFirst() : version) { return .digest }
        return version.allSatisfy({ $0.isLetter || $0 == "-" }) ? .tag : .range
    }

    /// `1.2.3`, with an optional pre-release or build (`PinState.isFullVersion`).
    private static func isFullVersion(_ version: Substring) -> Bool { PinState.isFullVersion(version) }

    /// Options that take a value as the next word.
    private static let pipValued: Set<Substring> = ["-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
                                                    "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
                                                    "--python-version", "--platform", "--implementation", "--abi", "--only-binary",
                                                    "--no-binary", "--upgrade-strategy", "--src", "--trusted-host", "--cache-dir", "--log",
                                                    "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert", "--constraints",
                                                    "-C", "--config-settings", "--report", "--python", "-p", "--from", "--with", "--index",
                                                    "--default-index", "--spec", "--pip-args", "--suffix", "--group", "--progress-bar", "--extra",
                                                    "--with-requirements", "--with-editable", "--constraints", "--overrides",
                                                    "--build-constraints", "--python-platform", "--resolution", "--prerelease"]
    private static let uvValued: Set<Substring> = ["--directory", "--project", "--cache-dir", "--config-file", "--color", "--python"]
    private static let npmValued: Set<Substring> = ["--registry", "--prefix", "-w", "--workspace", "--omit", "--include", "--tag", "--cache",
                                                    "--loglevel", "--userconfig", "--location"]
    private static let cargoValued: Set<Substring> = ["--version", "--vers", "--root", "--target", "--features", "-F", "--profile", "--bin",
                                                      "--example", "-j", "--jobs", "--branch", "--tag", "--rev", "--registry", "--index",
                                                      "--config", "-Z", "--target-dir", "--color", "--strategies",
                                                      "--disable-strategies", "--install-path", "--pkg-url", "--pkg-fmt",
                                                      "--bin-dir", "--manifest-path", "--min-tls-version"]
    private static let gemValued: Set<Substring> = ["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "--platform"]
}
