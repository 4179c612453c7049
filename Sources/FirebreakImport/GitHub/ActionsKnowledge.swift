import FirebreakModel

/// Shell and action facts the GitHub importer uses beside the expression module.
enum ActionsKnowledge {
    /// Whether a step uses a version of `actions/cache` GitHub retired on 1 March 2025 with its
    /// old cache service: v1 and v2, and v3 and v4 releases before v3.4.0 and v4.2.0 (the
    /// action's README: "all workflow runs using any of the deprecated actions/cache will
    /// fail"). A commit cannot be told apart here: taken to be a current one.
    static func usesRetiredCache(_ uses: String) -> Bool {
        let parts = uses.lowercased().split(separator: "@", maxSplits: 1)
        guard parts.count == 2, ["actions/cache", "actions/cache/restore", "actions/cache/save"].contains(String(parts[0])),
              parts[1].hasPrefix("v") else { return false }
        let numbers = parts[1].dropFirst().split(separator: ".").map { Int($0) }
        guard let major = numbers.first ?? nil else { return false }
        let minor = numbers.count > 1 ? numbers[1] : nil
        switch major {
        case 1, 2: return true
        case 3: return minor.map { $0 < 4 } ?? false
        case 4: return minor.map { $0 < 2 } ?? false
        default: return false
        }
    }

    /// Commands that execute files of the checked-out repository (package managers, build
    /// tools, interpreters), besides any `./path` the script runs.
    static let buildTools = CommandPhrases(buildToolNames)
    private static let buildToolNames = [
        "npm", "npx", "yarn", "pnpm", "pip", "pip3", "python", "python3", "make", "gradle", "mvn", "cargo", "go", "pytest", "tox",
        "nox", "bundle", "rake", "composer", "pre-commit", "docker", "bash", "sh", "node", "ruby", "php", "dotnet", "swift", "cmake",
        "meson", "ninja", "poetry", "uv", "hatch", "pdm", "bun", "deno", "just", "task", "bazel", "sbt", "lein", "mix", "perl",
    ]

    /// Whether a script executes files of the workspace.
    static func runsBuildTool(_ script: String) -> Bool {
        let words = ShellWords(script)
        return words.runsWorkspacePath || buildTools.occur(in: words) || runsRelativePath(script)
    }

    /// Whether a command of the script is a repository file named by a relative path
    /// (`script/release`, `tools/build.sh`, `.github/scripts/check.sh`): a word with a `/` where a
    /// command stands, at the start of a line or after `;`, `&` or `|`, past variable assignments
    /// and `sudo`, `env`, `time` or `exec` (`RepositoryScriptRole.isRelativePath`).
    static func runsRelativePath(_ script: String) -> Bool {
        guard script.contains("/") else { return false }
        return ShellCommands.contains(in: script) { words in
            ShellCommands.commandPlace(in: words).map { RepositoryScriptRole.isRelativePath(words[$0]) } ?? false
        }
    }

    /// Whether a script runs what a download holds, named by any of `names` (its name, the
    /// folder it lands in): a command is a path inside it (`./dist/tool`); the thing a build tool
    /// or interpreter is asked to run or install is inside it (`bash out/run.sh`, `pip install
    /// dist/x.whl`, `uv run python dist/x.py`, `java -jar dist/app.jar`); it is made executable
    /// (`chmod +x dist/tool`); or the script enters it (`cd dist`) and then runs a build tool. A
    /// name counts as a whole path part (`dist` in `./dist/tool`, not in `distribute.sh`). A
    /// command that is handed it as data does not run it
    /// (`uv run smokeshow upload htmlcov`, `go tool covdata -i=coverage`, `aws s3 cp dist/ s3://...`).
    static func runsDownload(namedAnyOf names: [String], in script: String) -> Bool {
        guard names.contains(where: { TextSearch.contains(script, $0) }) else { return false }
        // A whole path part or run of parts: `dist` is in `./dist/tool`, not in `distribute.sh`.
        let inside = { (word: Substring) -> Bool in
            var path = word.filter { $0 != "\"" && $0 != "'" }[...]
            if path.hasPrefix("./") { path = path.dropFirst(2) }
            return names.contains { ("/" + path + "/").contains("/" + $0 + "/") }
        }
        var entered = false
        return ShellCommands.contains(in: script) { words in
            guard var place = ShellCommands.commandPlace(in: words) else { return false }
            if inside(words[place]) { return true }
            if words[place] == "cd" || words[place] == "pushd" {
                if place + 1 < words.count, inside(words[place + 1]) { entered = true }
                return false
            }
            // Made executable: to be run.
            if words[place] == "chmod", words.contains(where: { $0.contains("x") && ($0.hasPrefix("+") || $0.hasPrefix("u+") || $0.hasPrefix("a+")) }),
               words[(place + 1)...].contains(where: inside) { return true }
            guard runners.contains(words[place]) else { return false }
            if entered { return true }
            // Past the tools, their verbs (`run`, `install`, `tool`) and options, to the thing they run.
            while let next = words[(place + 1)...].firstIndex(where: { !$0.hasPrefix("-") }) {
                place = next
                if runners.contains(words[place]) || verbs.contains(words[place]) { continue }
                return inside(words[place])
            }
            return false
        }
    }

    /// Whether a script puts `folder` on the job's PATH: writes it to the `GITHUB_PATH` file
    /// (`echo "dist" >> "$GITHUB_PATH"`, `"dist" | Out-File -FilePath $env:GITHUB_PATH -Append`),
    /// which prepends it to PATH for every later step of the job (GitHub Docs, "Workflow
    /// commands: Adding a system path"), so that a later command of the same name as a file in
    /// it runs that file. `folder` is matched as written in the workflow, expressions included
    /// (`${{ env.BIN_OUT }}`), as a whole word: followed by its end, a separator or a quote.
    static func addsToPath(_ folder: String, in script: String) -> Bool {
        guard !folder.isEmpty, TextSearch.contains(script, "GITHUB_PATH"), TextSearch.contains(script, folder) else { return false }
        let boundaries: Set<Character> = [" ", "\t", "\"", "'", "/", "\\", "`"]
        return TextSplit.lines(script).contains { line in
            guard TextSearch.contains(line, "GITHUB_PATH") else { return false }
            var rest = line[...]
            while let found = rest.range(of: folder) {
                let before = line[..<found.lowerBound].last, after = line[found.upperBound...].first
                if before.map(boundaries.contains) ?? true, after.map(boundaries.contains) ?? true { return true }
                rest = line[found.upperBound...]
            }
            return false
        }
    }

    /// Whether a script puts the folder a download lands in (its `path:`, as written) on PATH,
    /// so that the job's later commands may be the download's files. A shared folder (the
    /// workspace, `/tmp`) does not say the download is what runs.
    static func putsDownloadOnPath(_ path: String?, in script: String) -> Bool {
        guard var path else { return false }
        if path.count > 1, path.hasSuffix("/") || path.hasSuffix("\\") { path.removeLast() }
        guard !sharedFolders.contains(path), path != "${{ github.workspace }}" else { return false }
        return addsToPath(path, in: script)
    }

    /// Folders many files land in (the workspace, the home folder, `/tmp`): a download's landing
    /// there does not say which files are its own.
    static let sharedFolders: Set<String> = ["", ".", "/", "~", "/tmp"]

    /// Commands that run or install the file they are given: the build tools and interpreters,
    /// and a few installers.
    private static let runners = Set((buildToolNames + ["java", "dpkg", "rpm", "apt", "apt-get", "gem", "pipx"]).map { Substring($0) })
    /// A runner's verbs before the thing it runs (`uv run`, `pip install`, `go tool`).
    private static let verbs: Set<Substring> = ["run", "install", "i", "add", "exec", "x", "tool", "load", "test"]

    /// Actions that check the commenter's or author's permission before going on.
    static func isPermissionCheck(_ uses: String) -> Bool {
        let lowered = uses.lowercased()
        return lowered.contains("check-user-permission") || lowered.contains("permission-check") || lowered.contains("is-organization-member")
            || lowered.contains("actions-team-membership")
    }
}
