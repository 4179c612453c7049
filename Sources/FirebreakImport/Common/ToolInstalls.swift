import FirebreakModel

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
    /// One tool installed by name: from which registry, and how firmly its version is fixed.
    struct Install: Equatable {
        var registry: String
        var name: String
        var pin: PinState

        /// How the tool is named as a step (`pypi:twine`, `npm:@node-core/utils`).
        var uses: String { "\(registry):\(name)" }
    }

    /// The tools the script installs, each once, in the order met.
    static func installs(in script: String) -> [Install] {
        // Most scripts install nothing by name: a byte search rules them out before any splitting.
        guard installers.contains(where: { TextSearch.contains(script, $0) }) else { return [] }
        var found: [Install] = []
        _ = ShellCommands.contains(in: script) { words in
            for install in installs(command: Array(ShellCommands.commandWords(words))) where !found.contains(install) {
                found.append(install)
            }
            return false
        }
        return found
    }

    /// The words one of which a script that installs by name holds.
    private static let installers = ["pip", "pipx", "uv", "npm", "yarn", "pnpm", "cargo", "go", "gem"]

    /// The tools one command installs.
    static func installs(command written: [Substring]) -> [Install] {
        let words = joiningExpressions(written)
        guard let first = words.first else { return [] }
        let tool = first.split(separator: "/").last.map(String.init) ?? ""
        let rest = Array(words.dropFirst())
        switch tool {
        case "pip", "pip3":
            return rest.first == "install" ? python(Array(rest.dropFirst())) : []
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
        case "go" where rest.first == "install":
            return golang(Array(rest.dropFirst()))
        case "gem" where rest.first == "install":
            return ruby(Array(rest.dropFirst()))
        default:
            return []
        }
    }

    // MARK: Each registry's way of naming a package and its version

    /// pip's requirement specifiers (`twine`, `twine==5.1.1`, `black[jupyter]>=24`): exact with
    /// `==` (no wildcard) or `===`. `firstOnly`: a runner (`uvx tool args…`) installs its first.
    private static func python(_ arguments: [Substring], firstOnly: Bool = false) -> [Install] {
        var result: [Install] = []
        var from: Substring?
        for word in positional(arguments, valued: pipValued, into: &from) {
            guard let spec = packageWord(word) else {
                if firstOnly { break } else { continue }
            }
            let cut = spec.firstIndex { "<>=!~;@[ (".contains($0) } ?? spec.endIndex
            let name = spec[..<cut].lowercased()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { continue }
            let version = spec[cut...].filter { $0 != " " }
            let exact = version.contains("===") || version.hasPrefix("==") && !version.contains("*") && !version.contains(",")
                || version.hasPrefix("[") && version.contains("]==") && !version.contains("*")
            result.append(Install(registry: "pypi", name: name, pin: exact ? .digest : .none))
            if firstOnly { break }
        }
        // `uvx --from PACKAGE tool` installs the package named by `--from`.
        if let from, let spec = packageWord(from) {
            let cut = spec.firstIndex { "<>=!~;@[ (".contains($0) } ?? spec.endIndex
            let exact = spec[cut...].hasPrefix("==") && !spec.contains("*")
            return [Install(registry: "pypi", name: spec[..<cut].lowercased(), pin: exact ? .digest : .none)]
        }
        return result
    }

    /// npm's package specs (`tool`, `tool@1.2.3`, `@scope/tool@latest`): exact for a full
    /// version, a tag its publishers move for a dist-tag (`latest`, `next`), none for a range.
    private static func node(_ arguments: [Substring]) -> [Install] {
        var ignored: Substring?
        return positional(arguments, valued: npmValued, into: &ignored).compactMap { word -> Install? in
            guard let spec = packageWord(word, scoped: true) else { return nil }
            let at = spec.dropFirst().lastIndex(of: "@")
            let name = at.map { spec[..<$0] } ?? spec
            let version = at.map { spec[spec.index(after: $0)...] } ?? ""
            guard !name.isEmpty else { return nil }
            return Install(registry: "npm", name: String(name), pin: versionPin(version))
        }
    }

    /// `cargo install crate`, `crate@1.2.3` or `--version 1.2.3`: a plain or `=` version is
    /// exact (cargo reads any other as a requirement); a crate from `--git` or `--path` is not
    /// the registry's.
    private static func rust(_ arguments: [Substring]) -> [Install] {
        guard !arguments.contains(where: { $0 == "--git" || $0 == "--path" || $0.hasPrefix("--git=") || $0.hasPrefix("--path=") }) else { return [] }
        let flag = arguments.firstIndex { $0 == "--version" || $0 == "--vers" }
        let given = flag.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        var ignored: Substring?
        return positional(arguments, valued: cargoValued, into: &ignored).compactMap { word -> Install? in
            guard let spec = packageWord(word) else { return nil }
            let parts = spec.split(separator: "@", maxSplits: 1)
            let version = parts.count > 1 ? parts[1] : given ?? ""
            let plain = version.hasPrefix("=") ? version.dropFirst() : version
            return Install(registry: "crates", name: String(parts[0]), pin: isFullVersion(plain) ? .digest : .none)
        }
    }

    /// `go install module/path@version`: a version (or a commit) fixes the module and, through
    /// its go.mod, what it builds with; `@latest` takes the newest, a branch moves. A path with no
    /// version is the repository's own module's.
    private static func golang(_ arguments: [Substring]) -> [Install] {
        arguments.filter { !$0.hasPrefix("-") && $0.contains("@") }.compactMap { word -> Install? in
            let text = word.filter { $0 != "\"" && $0 != "'" }
            guard !text.contains("$"), !text.hasPrefix("."), let at = text.lastIndex(of: "@") else { return nil }
            let version = String(text[text.index(after: at)...])
            let pin: PinState = ["latest", "upgrade", "patch"].contains(version) ? .none
                : version.first == "v" && version.dropFirst().first?.isNumber == true ? .digest
                : PinState.infer(fromVersion: version)
            return Install(registry: "go", name: String(text[..<at]), pin: pin)
        }
    }

    /// `gem install name` or `-v 1.2.3`: a plain version is exact.
    private static func ruby(_ arguments: [Substring]) -> [Install] {
        let flag = arguments.firstIndex { $0 == "-v" || $0 == "--version" }
        let given = flag.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }.map { $0.filter { $0 != "\"" && $0 != "'" } }
        var ignored: Substring?
        return positional(arguments, valued: gemValued, into: &ignored).compactMap { word -> Install? in
            guard let spec = packageWord(word) else { return nil }
            let parts = spec.split(separator: ":", maxSplits: 1)
            let version = parts.count > 1 ? String(parts[1]) : given ?? ""
            return Install(registry: "rubygems", name: String(parts[0]), pin: isFullVersion(Substring(version)) ? .digest : .none)
        }
    }

    // MARK: Words

    /// The words with a `${{ … }}` spread over several (`requirements-${{ matrix.backend }}.txt`)
    /// joined into one, as the step's text has it before GitHub puts the value in.
    private static func joiningExpressions(_ words: [Substring]) -> [Substring] {
        var result: [Substring] = []
        var open: String?
        for word in words {
            if var text = open {
                text += " " + word
                open = word.contains("}}") ? nil : text
                if open == nil { result.append(Substring(text)) }
            } else if let start = word.range(of: "${{"), !word[start.upperBound...].contains("}}") {
                open = String(word)
            } else {
                result.append(word)
            }
        }
        if let open { result.append(Substring(open)) }
        return result
    }

    /// The words that are not options nor the values options take; `from` receives `--from`'s.
    private static func positional(_ arguments: [Substring], valued: Set<Substring>, into from: inout Substring?) -> [Substring] {
        var result: [Substring] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            // A redirection or a comment ends what the command installs.
            if word.hasPrefix(">") || word.hasPrefix("2>") || word.hasPrefix("#") { break }
            if word == "--from", index + 1 < arguments.count { from = arguments[index + 1] }
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
        guard !text.isEmpty, !text.contains("$"), !text.contains("://"), !text.contains("*"), !text.hasPrefix("."), !text.hasPrefix("~"),
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
    /// publishers move, a range or nothing not at all.
    private static func versionPin(_ version: Substring) -> PinState {
        if version.isEmpty { return .none }
        if isFullVersion(version.first == "v" ? version.dropFirst() : version) { return .digest }
        return version.allSatisfy({ $0.isLetter || $0 == "-" }) ? .tag : .none
    }

    /// `1.2.3`, with an optional pre-release or build (`1.2.3-rc.1`).
    private static func isFullVersion(_ version: Substring) -> Bool {
        let core = version.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Options that take a value as the next word.
    private static let pipValued: Set<Substring> = ["-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
                                                    "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
                                                    "--python-version", "--platform", "--implementation", "--abi", "--only-binary",
                                                    "--no-binary", "--upgrade-strategy", "--src", "--trusted-host", "--cache-dir", "--log",
                                                    "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert",
                                                    "-C", "--config-settings", "--report", "--python", "-p", "--from", "--with", "--index",
                                                    "--default-index", "--spec", "--pip-args", "--suffix", "--group", "--progress-bar", "--extra",
                                                    "--with-requirements", "--with-editable", "--constraints", "--overrides",
                                                    "--build-constraints", "--python-platform", "--resolution", "--prerelease"]
    private static let npmValued: Set<Substring> = ["--registry", "--prefix", "-w", "--workspace", "--omit", "--include", "--tag", "--cache",
                                                    "--loglevel", "--userconfig", "--location"]
    private static let cargoValued: Set<Substring> = ["--version", "--vers", "--root", "--target", "--features", "-F", "--profile", "--bin",
                                                      "--example", "-j", "--jobs", "--branch", "--tag", "--rev", "--registry", "--index",
                                                      "--config", "-Z", "--target-dir", "--color", "--strategies",
                                                      "--disable-strategies", "--install-path", "--pkg-url", "--pkg-fmt",
                                                      "--bin-dir", "--manifest-path", "--min-tls-version"]
    private static let gemValued: Set<Substring> = ["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "--platform"]
}
