import FirebreakModel

/// Shell and action facts the GitHub importer uses beside the expression module.
enum ActionsKnowledge {
    /// Commands that execute files of the checked-out repository (package managers, build
    /// tools, interpreters), besides any `./path` the script runs.
    static let buildTools = CommandPhrases([
        "npm", "npx", "yarn", "pnpm", "pip", "pip3", "python", "python3", "make", "gradle", "mvn", "cargo", "go", "pytest", "tox",
        "nox", "bundle", "rake", "composer", "pre-commit", "docker", "bash", "sh", "node", "ruby", "php", "dotnet", "swift", "cmake",
        "meson", "ninja", "poetry", "uv", "hatch", "pdm", "bun", "deno", "just", "task", "bazel", "sbt", "lein", "mix", "perl",
    ])

    /// Whether a script executes files of the workspace.
    static func runsBuildTool(_ script: String) -> Bool {
        let words = ShellWords(script)
        return words.runsWorkspacePath || buildTools.occur(in: words) || runsRelativePath(script)
    }

    /// Whether a command of the script is a repository file named by a relative path
    /// (`script/release`, `tools/build.sh`): a word with a `/` where a command stands, at the
    /// start of a line or after `;`, `&` or `|`, past variable assignments and `sudo`, `env`,
    /// `time` or `exec`. Lines continued with `\` are read as one; a here-document's lines are
    /// text, not commands.
    static func runsRelativePath(_ script: String) -> Bool {
        guard script.contains("/") else { return false }
        var hereDocumentEnd: Substring?
        for line in TextSplit.lines(script).reduce(into: [String](), { lines, line in
            if let last = lines.last, last.hasSuffix("\\") { lines[lines.count - 1] = String(last.dropLast()) + " " + line } else { lines.append(String(line)) }
        }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }.prefix { $0 != "\r" }
            if let end = hereDocumentEnd {
                if trimmed == end { hereDocumentEnd = nil }
                continue
            }
            for segment in commandSegments(line) {
                let words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard let command = words.first(where: { !$0.contains("=") && !["sudo", "env", "time", "exec"].contains($0) }) else { continue }
                guard command.contains("/"), let first = command.first, !"/~$-.\"'({#<>".contains(first), !command.contains("://") else { continue }
                return true
            }
            // `<<WORD`, `<<-WORD`, `<<'WORD'`, `<<\WORD`; `<<<` is a here-string, on its line alone.
            if let marker = line.range(of: "<<"), !line[marker.upperBound...].hasPrefix("<") {
                let delimiter = line[marker.upperBound...].drop { " -~'\"\\".contains($0) }.prefix { !" '\";\r".contains($0) }
                if !delimiter.isEmpty { hereDocumentEnd = delimiter }
            }
        }
        return false
    }

    /// A line's commands: its text cut at `;`, `&` and `|` outside quotes.
    private static func commandSegments(_ line: String) -> [Substring] {
        var segments: [Substring] = []
        var start = line.startIndex, quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == ";" || character == "&" || character == "|" {
                segments.append(line[start..<index])
                start = line.index(after: index)
            }
        }
        segments.append(line[start...])
        return segments
    }

    /// Actions that check the commenter's or author's permission before going on.
    static func isPermissionCheck(_ uses: String) -> Bool {
        let lowered = uses.lowercased()
        return lowered.contains("check-user-permission") || lowered.contains("permission-check") || lowered.contains("is-organization-member")
            || lowered.contains("actions-team-membership")
    }
}
