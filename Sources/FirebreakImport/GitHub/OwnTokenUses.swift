import FirebreakModel

/// What a job's own steps write with the job's GITHUB_TOKEN, read from its steps: the writes a
/// legitimate run makes, so that the fix advisor does not propose a read-only token that breaks
/// them. Only what the steps show counts: a script file or a tool that finds the token by
/// itself may write too, unseen.
///
/// The token reaches a step as `${{ github.token }}` or `${{ secrets.GITHUB_TOKEN }}` (alone or
/// as the fallback of another secret), in an input, in `GH_TOKEN`/`GITHUB_TOKEN` for the `gh`
/// tool and the tools that read them, inside a remote's URL, or through the credential
/// `actions/checkout` keeps in the clone's Git configuration (`persist-credentials`, on by
/// default) for a later push (GitHub Docs, "Automatic token authentication").
enum OwnTokenUses {
    /// The writes a job's steps make with its token, in step order, in the scopes its
    /// `permissions:` let it write (all of them under the legacy default, when it sets none).
    /// `passed`: the secrets (in capitals) that are the job's token here, as a calling workflow
    /// passed it (`secrets: {ghcr_password: ${{ secrets.GITHUB_TOKEN }}}`). `steps`: the job's
    /// steps with the repository's own composite actions put in their place (the job's own when nil).
    static func uses(in job: Workflow.Job, of workflow: Workflow, permissions: Workflow.Permissions?, passed: Set<String> = [],
                     steps: [Workflow.Step]? = nil) -> [TokenUse] {
        let steps = steps ?? job.steps
        var reader = Reader(permissions: permissions, passed: passed)
        // The SLSA generator attaches its provenance to the release with the token its caller
        // gives it when told to (`upload-assets: true`).
        if let called = job.uses, called.text.lowercased().hasPrefix("slsa-framework/slsa-github-generator/"),
           job.node.value("with")?.value("upload-assets")?.scalarText?.lowercased() == "true" {
            reader.add("contents", "the SLSA generator's `upload-assets`", at: called.location)
        }
        let jobEnv = workflow.env.merging(job.env) { $1 }
        let defaultDirectory = job.node.value("defaults")?.value("run")?.value("working-directory")?.scalarText
        // Whether the job pushes matters only to a login with the job's token: read only then.
        let logsIn = steps.contains { step in
            step.with.contains { $0.key.lowercased().contains("password") && TextSearch.contains($0.value.text, "${{") }
        }
        let pushes = logsIn && pushes(steps)
        for step in steps {
            let env = jobEnv.merging(step.env) { $1 }
            if let run = step.run {
                reader.read(run, at: step.location, env: env,
                            directory: step.node.value("working-directory")?.scalarText ?? defaultDirectory ?? "")
            } else {
                reader.read(step, env: env, pushes: pushes)
            }
        }
        return reader.found
    }

    /// Reads a job's steps in order, keeping what the earlier ones left for the later ones: the
    /// clones' credentials and the variables set to the job's token.
    private struct Reader {
        let permissions: Workflow.Permissions?
        let passed: Set<String>
        var found: [TokenUse] = []
        /// Per folder a checkout wrote ("" for the workspace itself), whether its Git
        /// configuration holds the job's token: checkout keeps the token it was given.
        var clones: [String: Bool] = [:]
        /// Variables a step set to the job's token for the later ones (`echo "PASS=${{ secrets.GITHUB_TOKEN }}" >> $GITHUB_ENV`).
        var tokenEnv: Set<String> = []

        init(permissions: Workflow.Permissions?, passed: Set<String>) {
            self.permissions = permissions
            self.passed = passed
        }

        /// Files a write, where the job's permissions let its token make it.
        mutating func add(_ scope: String, _ what: String, at location: SourceLocation) {
            guard permissions.map({ $0.level(scope) == "write" }) ?? true else { return }
            found.append(TokenUse(scope: scope, what: what, location: location))
        }

        func isOwnToken(_ text: String) -> Bool {
            // Most values name no expression, or none with a token in it (contexts are not case-sensitive).
            guard TextSearch.contains(text, "${{"), !passed.isEmpty || !tokenEnv.isEmpty || text.lowercased().contains("token") else { return false }
            if OwnTokenUses.isOwnToken(text, passed: passed) { return true }
            let compact = text.filter { $0 != " " }
            for name in tokenEnv where compact == "${{env.\(name)}}" { return true }
            return false
        }

        /// The clone a push in `folder` goes through: its own, else the workspace's.
        func cloneHoldsToken(_ folder: String) -> Bool { clones[folder] ?? clones[""] ?? false }

        mutating func read(_ run: String, at location: SourceLocation, env: [String: String], directory: String) {
            tokenEnv.formUnion(OwnTokenUses.variablesSetToOwnToken(in: run, passed: passed))
            var folder = OwnTokenUses.folderName(directory)
            // What an earlier step set through GITHUB_ENV is in this one's environment too.
            var tokenVariables = tokenEnv.filter { env[$0] == nil }
            for (name, value) in env where isOwnToken(value) { tokenVariables.insert(name) }
            // `gh` reads GH_TOKEN first, GITHUB_TOKEN only without it.
            let ghHasToken = env["GH_TOKEN"] != nil || tokenEnv.contains("GH_TOKEN") ? tokenVariables.contains("GH_TOKEN")
                : tokenVariables.contains("GITHUB_TOKEN")
            // Without the token in its environment, a script writes with it only by a push.
            guard ghHasToken || TextSearch.contains(run, "push") else { return }
            var commands: [[Substring]] = []
            _ = ShellCommands.contains(in: run) { words in
                commands.append(Array(OwnTokenUses.commandWords(words)))
                return false
            }
            for command in commands {
                if command.first == "cd", command.count > 1 { folder = OwnTokenUses.folderName(String(command[1])) }
                if ghHasToken, let write = OwnTokenUses.ghWrite(command) { add(write.scope, "`\(write.what)`", at: location) }
                if let remote = OwnTokenUses.remoteSet(command) {
                    // A remote pointed at a URL with a credential pushes with that one from now on.
                    let clone = remote.folder.map(OwnTokenUses.folderName) ?? folder
                    if remote.url.contains("@") { clones[clone] = OwnTokenUses.carriesOwnToken(remote.url, variables: tokenVariables, passed: passed) }
                } else if let push = OwnTokenUses.gitPush(command) {
                    // Into a URL that carries the job's token; through the clone's own remote or to a
                    // GitHub URL with none, with what the checkout kept (its header goes to github.com).
                    let clone = push.folder.map(OwnTokenUses.folderName) ?? folder
                    if let url = push.url, url.contains("@") {
                        if OwnTokenUses.carriesOwnToken(url, variables: tokenVariables, passed: passed) {
                            add("contents", "`git push` to a URL with the job's token", at: location)
                        }
                    } else if push.url.map({ $0.contains("github.com") }) ?? true, cloneHoldsToken(clone) {
                        add("contents", "`git push`", at: location)
                    }
                } else if let tool = OwnTokenUses.clonePushingTool(command), cloneHoldsToken(folder) {
                    // A tool that pushes through the clone's Git configuration (`mike deploy --push`).
                    add("contents", "`\(tool)`", at: location)
                } else if ghHasToken, let tool = OwnTokenUses.publishingTool(command) {
                    add("contents", "`\(tool)` with the job's token in its environment", at: location)
                }
            }
        }

        mutating func read(_ step: Workflow.Step, env: [String: String], pushes: Bool) {
            let action = step.uses.flatMap { $0.split(separator: "@").first }.map { $0.lowercased() } ?? ""
            if action == "actions/checkout" {
                let source = step.with["repository"]?.text.replacingOccurrences(of: " ", with: "") ?? ""
                let own = source.isEmpty || source == "${{github.repository}}"
                let folder = step.with["path"].map { OwnTokenUses.folderName($0.text) } ?? ""
                let token = step.with["token"].map { isOwnToken($0.text) } ?? true
                // A deploy key (`ssh-key:`) is what the clone pushes with then, not the token.
                clones[folder] = own && token && step.with["ssh-key"] == nil && step.with["persist-credentials"]?.text.lowercased() != "false"
                return
            }
            // An action that writes with the job's token: the input it is given, its documented
            // default (the job's token) when it is not, or the environment's `GITHUB_TOKEN`.
            let goreleaserBuildsOnly = action == "goreleaser/goreleaser-action"
                && (step.with["args"].map { !$0.text.contains("release") || $0.text.contains("--snapshot") } ?? true)
            if !goreleaserBuildsOnly, let writer = OwnTokenUses.writers.first(where: { $0.matches(action) }) {
                let given = writer.input.flatMap { step.with[$0]?.text } ?? (writer.input == nil ? env["GITHUB_TOKEN"] ?? env["GH_TOKEN"] : nil)
                let writes: Bool
                if writer.input == nil && writer.usesClone {
                    writes = cloneHoldsToken("")
                } else if let given {
                    writes = isOwnToken(given)
                } else {
                    writes = writer.defaultsToOwnToken
                }
                if writes { for scope in writer.scopes { add(scope, action, at: step.location) } }
            }
            // github-script hands its script an API client with the job's token unless given
            // another (`github-token:`): a script that writes contents, or that hands the client
            // to the repository's own code (`require('./scripts/release')`), uses it.
            if action == "actions/github-script", step.with["github-token"].map({ isOwnToken($0.text) }) ?? true,
               let script = step.with["script"]?.text {
                for call in OwnTokenUses.scriptWrites(in: script) { add(call.scope, "actions/github-script (\(call.what))", at: step.location) }
            }
            // A registry password that is the job's token logs in to the repository's GitHub
            // Packages (ghcr.io), whatever the action or the variable naming the registry: a write
            // where the job pushes (a login to pull test images writes nothing).
            // An action that takes the password itself and is named for publishing does both
            // (promci's `publish_release`, given `ghcr_io_password`).
            let publishes = !action.hasPrefix("docker/login-action") && ["publish", "push", "release"].contains { action.contains($0) }
            if pushes || publishes, let key = step.with.keys.sorted().first(where: { $0.lowercased().contains("password") && isOwnToken(step.with[$0]!.text) }) {
                add("packages", "\(action) logging in to ghcr.io (`\(key)`)", at: step.location)
            }
        }
    }

    /// The variables a script hands later steps as the job's token, through the file GitHub
    /// reads the environment from (`echo "NAME=${{ secrets.GITHUB_TOKEN }}" >> "$GITHUB_ENV"`).
    static func variablesSetToOwnToken(in script: String, passed: Set<String>) -> Set<String> {
        guard TextSearch.contains(script, "GITHUB_ENV") else { return [] }
        var names: Set<String> = []
        for line in TextSplit.lines(script) where TextSearch.contains(line, "GITHUB_ENV") {
            // Each `NAME=${{ … }}` on the line: the name before `=`, the expression to its `}}`.
            var rest = Substring(line)
            while let open = rest.range(of: "=${{"), let close = rest[open.upperBound...].range(of: "}}") {
                let name = rest[..<open.lowerBound].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty, isOwnToken(String(rest[rest.index(after: open.lowerBound)..<close.upperBound]), passed: passed) {
                    names.insert(String(name.reversed()))
                }
                rest = rest[close.upperBound...]
            }
        }
        return names
    }

    /// Whether some step of the job pushes an image or a package: an input `push: true`, an
    /// action named for pushing, publishing or building images, or a command that pushes or signs.
    static func pushes(_ steps: [Workflow.Step]) -> Bool {
        steps.contains { step in
            // `push:` on, or set by an expression (devcontainers/ci's `filter`, a caller's input).
            if let push = step.with["push"]?.text.lowercased(), !["false", "never", ""].contains(push) { return true }
            // Home Assistant's builder pushes what it builds, and its manifest to the registry.
            let action = step.uses?.lowercased() ?? ""
            if ["home-assistant/builder/actions/build-image", "home-assistant/builder/actions/publish-multi-arch-manifest"].contains(where: { action.hasPrefix($0) }) {
                return true
            }
            guard let run = step.run else { return false }
            // A make target named for pushing or publishing (`make build docker.push`).
            let byMake = ShellCommands.contains(in: run) { words in
                let command = Array(commandWords(words))
                return command.first == "make" && command.dropFirst().contains { $0.contains("push") || $0.contains("publish") }
            }
            return byMake || ["docker push", "--push", "imagetools create", "crane push", "crane copy", "oras push", "helm push", "ko build", "ko publish",
                    "skopeo copy", "cosign sign", "cosign attest", "podman push", "buildah push"].contains { TextSearch.contains(run, $0) }
        }
    }

    /// Whether an input's or variable's text is the job's own token: the whole of it, or the
    /// fallback of another secret (`${{ secrets.BOT || secrets.GITHUB_TOKEN }}`), which the run
    /// uses whenever that secret is not set.
    static func isOwnToken(_ text: String, passed: Set<String> = []) -> Bool {
        let compact = text.filter { $0 != " " }.lowercased()
        guard compact.hasPrefix("${{"), compact.hasSuffix("}}") else { return false }
        let alternatives = compact.dropFirst(3).dropLast(2).components(separatedBy: "||")
        return alternatives.contains { isOwnTokenReference($0, passed: passed) }
    }

    /// `github.token`, `secrets.GITHUB_TOKEN`, or a secret passed as the job's token (lowercased, no blanks).
    private static func isOwnTokenReference(_ reference: some StringProtocol, passed: Set<String>) -> Bool {
        guard reference != "github.token" else { return true }
        guard reference.hasPrefix("secrets.") else { return false }
        let name = reference.dropFirst("secrets.".count).uppercased()
        return name == "GITHUB_TOKEN" || passed.contains(name)
    }

    /// Whether a URL carries the job's token (`https://x-access-token:${GH_TOKEN}@github.com/…`).
    static func carriesOwnToken(_ url: some StringProtocol, variables: Set<String>, passed: Set<String> = []) -> Bool {
        guard url.contains("@") else { return false }
        let compact = String(url.filter { $0 != " " }).lowercased()
        var rest = Substring(compact)
        while let open = rest.range(of: "${{"), let close = rest[open.upperBound...].range(of: "}}") {
            if isOwnTokenReference(rest[open.upperBound..<close.lowerBound], passed: passed) { return true }
            rest = rest[close.upperBound...]
        }
        return variables.contains { url.contains("$\($0)") || url.contains("${\($0)}") }
    }

    /// A folder as a checkout's `path:` or a `cd` names it: no `./`, no trailing `/`.
    static func folderName(_ text: String) -> String {
        var name = Substring(text)
        while name.hasPrefix("./") { name = name.dropFirst(2) }
        while name.hasSuffix("/") { name = name.dropLast() }
        return name == "." ? "" : String(name)
    }

    /// A command's own words: past the shell's keywords, variable assignments and `sudo`.
    static func commandWords(_ words: [Substring]) -> ArraySlice<Substring> {
        let rest = Array(words.drop(while: { ShellCommands.keywords.contains($0) }))
        return ShellCommands.commandPlace(in: rest).map { rest[$0...] } ?? []
    }

    /// The `gh` commands that write, with the permission each needs: releases (contents), a merge
    /// (contents), pull requests, issues and labels, workflow runs, and `gh api` with a writing
    /// method (the permission its endpoint's path names: `…/actions/runs/1/approve` actions).
    static func ghWrite(_ command: [Substring]) -> (scope: String, what: String)? {
        guard command.count >= 3, command[0] == "gh" else { return nil }
        let (noun, verb) = (command[1], command[2])
        let what = "gh \(noun) \(verb)"
        switch noun {
        case "release" where ["create", "upload", "edit", "delete", "delete-asset"].contains(verb): return ("contents", what)
        case "pr" where verb == "merge": return ("contents", what)
        case "pr" where ["create", "edit", "comment", "review", "close", "reopen", "ready"].contains(verb): return ("pull-requests", what)
        case "issue" where ["create", "edit", "comment", "close", "reopen", "delete", "transfer", "lock", "unlock"].contains(verb): return ("issues", what)
        case "label" where ["create", "edit", "delete", "clone"].contains(verb): return ("issues", what)
        case "workflow" where ["run", "enable", "disable"].contains(verb): return ("actions", what)
        case "run" where ["rerun", "cancel", "delete"].contains(verb): return ("actions", what)
        case "api":
            // The method named, else POST when a field or an input is given (gh's own default).
            var method: Substring?
            for (place, word) in command.enumerated().dropFirst(2) {
                if word.hasPrefix("--method=") { method = word.dropFirst("--method=".count) }
                else if word == "-X" || word == "--method", place + 1 < command.count { method = command[place + 1] }
                else if word.hasPrefix("-X"), word.count > 2 { method = word.dropFirst(2) }
            }
            let fields: Set<Substring> = ["-f", "-F", "--field", "--raw-field", "--input"]
            let verb = method?.uppercased() ?? (command.contains { fields.contains($0) || $0.hasPrefix("--field=") || $0.hasPrefix("--raw-field=") } ? "POST" : "GET")
            guard ["POST", "PUT", "PATCH", "DELETE"].contains(verb) else { return nil }
            return (endpointScope(command), "gh api --method \(verb)")
        default:
            return nil
        }
    }

    /// The permission a `gh api` call's endpoint needs, by its path (the first word after `api`
    /// with a `/` that is not an option): contents unless the path names another.
    static func endpointScope(_ command: [Substring]) -> String {
        // The words after `api` joined (an expression in the path is split at its blanks), then
        // the path's segments; past `repos/OWNER/REPO` (or `repos/${{ github.repository }}`, one
        // segment for both), the first names the resource.
        let text = command.dropFirst(2).joined(separator: " ")
        guard let start = text.range(of: "repos/") else { return "contents" }
        let segments = text[start.upperBound...].split(separator: "/", omittingEmptySubsequences: false)
        let ownerAndName = segments.first.map { $0.contains("$") ? 1 : 2 } ?? 2
        guard segments.count > ownerAndName else { return "contents" }
        let resource = segments[ownerAndName].prefix { $0 != " " && $0 != "?" && $0 != "\"" && $0 != "'" }.lowercased()
        let scopes = ["actions": "actions", "issues": "issues", "labels": "issues", "pulls": "pull-requests", "statuses": "statuses",
                      "check-runs": "checks", "check-suites": "checks", "deployments": "deployments", "pages": "pages",
                      "packages": "packages", "code-scanning": "security-events"]
        return scopes[resource] ?? "contents"
    }

    /// A `git push`: the folder `-C` names and the URL it pushes to, if any (a remote's name is
    /// the clone's own), with the words after it joined (an expression in it is split at its blanks).
    static func gitPush(_ command: [Substring]) -> (folder: String?, url: String?)? {
        guard let (folder, place) = gitSubcommand(command), command[place] == "push" else { return nil }
        guard let url = command[(place + 1)...].firstIndex(where: { $0.contains("://") || $0.hasPrefix("git@") }) else { return (folder, nil) }
        return (folder, command[url...].joined(separator: " "))
    }

    /// `git remote set-url|add NAME URL`: the folder `-C` names and the URL, the words after it joined.
    static func remoteSet(_ command: [Substring]) -> (folder: String?, url: String)? {
        guard let (folder, place) = gitSubcommand(command), command[place] == "remote", place + 3 < command.count,
              command[place + 1] == "set-url" || command[place + 1] == "add" else { return nil }
        guard let url = command[(place + 3)...].firstIndex(where: { $0.contains("://") || $0.hasPrefix("git@") }) else { return nil }
        return (folder, command[url...].joined(separator: " "))
    }

    /// A `git` command's folder (`-C dir`) and the place of its subcommand, past git's own options.
    private static func gitSubcommand(_ command: [Substring]) -> (folder: String?, place: Int)? {
        guard command.first == "git" else { return nil }
        var place = 1, folder: String?
        while place < command.count, command[place].hasPrefix("-") {
            if command[place] == "-C", place + 1 < command.count { folder = String(command[place + 1]) }
            place += ["-C", "-c"].contains(command[place]) ? 2 : 1
        }
        return place < command.count ? (folder, place) : nil
    }

    /// A tool that pushes a branch through the clone's Git configuration: MkDocs' `mike` and
    /// `gh-deploy`, `ghp-import -p` (a container tool's `--push` pushes images, not the branch).
    static func clonePushingTool(_ command: [Substring]) -> String? {
        guard let tool = command.first else { return nil }
        if tool == "mike", command.contains("--push") || command.contains("-p") { return "mike … --push" }
        if tool == "mkdocs", command.dropFirst().first == "gh-deploy" { return "mkdocs gh-deploy" }
        if tool == "ghp-import", command.contains("-p") || command.contains("--push") { return "ghp-import --push" }
        return nil
    }

    /// A tool that publishes a release to GitHub with the token in `GH_TOKEN`/`GITHUB_TOKEN`:
    /// one told to `--publish` (electron-builder, also through a package script: `npm run
    /// dist -- --publish always`), goreleaser and promu releasing, semantic-release.
    static func publishingTool(_ command: [Substring]) -> String? {
        let words = command.map(String.init)
        let tool = words.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
        let runner = ["npx", "yarn", "pnpm", "bunx"].contains(tool) && words.count > 1 ? words[1] : tool
        if let flag = words.firstIndex(where: { $0 == "--publish" || $0.hasPrefix("--publish=") }),
           !(words[flag] == "--publish=never" || flag + 1 < words.count && words[flag + 1] == "never") {
            return words.prefix(3).joined(separator: " ") + " … --publish"
        }
        switch runner {
        case "goreleaser" where words.contains("release") && !words.contains("--snapshot"): return "goreleaser release"
        case "promu" where words.contains("release"): return "promu release"
        case "semantic-release": return "semantic-release"
        default: return nil
        }
    }

    /// The writes a github-script script makes with its client, each permission once with the
    /// first call that needs it: an Octokit call whose namespace and verb write (`issues.createComment`
    /// issues, `pulls.merge` contents, `repos.createRelease` contents, `checks.create` checks), or
    /// the client handed to the repository's own code (`require('./scripts/release')`), taken to
    /// write contents.
    static func scriptWrites(in script: String) -> [(scope: String, what: String)] {
        var found: [(scope: String, what: String)] = []
        func add(_ scope: String, _ what: String) { if !found.contains(where: { $0.scope == scope }) { found.append((scope, what)) } }
        let writing = ["create", "update", "delete", "remove", "add", "set", "lock", "unlock", "merge", "upload", "generate", "rerun",
                       "reRun", "cancel", "approve", "enable", "disable", "request", "dismiss", "submit"]
        for namespace in octokitNamespaces {
            var rest = Substring(script)
            while let found = rest.range(of: namespace + ".") {
                let method = rest[found.upperBound...].prefix { $0.isLetter }
                rest = rest[found.upperBound...]
                guard writing.contains(where: { method.hasPrefix($0) }) else { continue }
                // A merge of a pull request or a branch writes the repository's contents.
                add(method.hasPrefix("merge") ? "contents" : octokitScope(namespace, String(method)), "\(namespace).\(method)")
            }
        }
        let ownModule = ["require('./", "require(\"./", "require(`./", "require(`${process.env.GITHUB_WORKSPACE}"].contains { TextSearch.contains(script, $0) }
        if ownModule, TextSearch.contains(script, "github") { add("contents", "its client handed to the repository's own script") }
        return found
    }

    /// Octokit's namespaces whose writes need a permission of the job's token.
    static let octokitNamespaces = ["issues", "pulls", "checks", "actions", "git", "reactions", "repos"]

    /// The permission a write in an Octokit namespace needs, by the method where one namespace
    /// spans several (`repos.createCommitStatus` statuses, `repos.createDeployment` deployments).
    static func octokitScope(_ namespace: String, _ method: String) -> String {
        switch namespace {
        case "issues", "reactions": "issues"
        case "pulls": "pull-requests"
        case "checks": "checks"
        case "actions": "actions"
        case "repos" where method.contains("CommitStatus"): "statuses"
        case "repos" where method.contains("Deployment"): "deployments"
        case "repos" where method.contains("Pages"): "pages"
        default: "contents"
        }
    }

    /// An action that writes with a GitHub token: the input it takes the token in (nil: the
    /// environment's `GITHUB_TOKEN`, or the clone's credential), whether it falls back to the
    /// job's own when none is given (the action's documented default), and what it writes.
    struct Writer {
        var action: String
        var input: String?
        var defaultsToOwnToken: Bool
        var scopes: [String]
        /// Whether it pushes through the clone's Git configuration (what checkout kept).
        var usesClone = false

        /// The action itself, or one of a family named by a prefix ending in `-` (reviewdog's
        /// reporters, not its installer).
        func matches(_ uses: String) -> Bool {
            uses == action || action.hasSuffix("-") && uses.hasPrefix(action) && uses != "reviewdog/action-setup"
        }
    }

    static let writers: [Writer] = [
        Writer(action: "softprops/action-gh-release", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "mikepenz/action-gh-release", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "ncipollo/release-action", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "svenstaro/upload-release-action", input: "repo_token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "googleapis/release-please-action", input: "token", defaultsToOwnToken: true, scopes: ["contents", "pull-requests"]),
        Writer(action: "peter-evans/create-pull-request", input: "token", defaultsToOwnToken: true, scopes: ["contents", "pull-requests"]),
        Writer(action: "peter-evans/create-or-update-comment", input: "token", defaultsToOwnToken: true, scopes: ["issues", "pull-requests"]),
        Writer(action: "marocchino/sticky-pull-request-comment", input: "GITHUB_TOKEN", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        Writer(action: "thollander/actions-comment-pull-request", input: "github-token", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        Writer(action: "ad-m/github-push-action", input: "github_token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "jamesives/github-pages-deploy-action", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "peaceiris/actions-gh-pages", input: "github_token", defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "step-security/publish-action", input: "github-token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "actions/publish-immutable-action", input: "github-token", defaultsToOwnToken: true, scopes: ["packages"]),
        Writer(action: "actions/stale", input: "repo-token", defaultsToOwnToken: true, scopes: ["issues", "pull-requests"]),
        Writer(action: "actions/labeler", input: "repo-token", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        Writer(action: "actions/first-interaction", input: "repo-token", defaultsToOwnToken: false, scopes: ["issues", "pull-requests"]),
        // The suggester reviews pull requests; the other reporters may also post checks.
        Writer(action: "reviewdog/action-suggester", input: "github_token", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        Writer(action: "reviewdog/action-", input: "github_token", defaultsToOwnToken: true, scopes: ["pull-requests", "checks"]),
        Writer(action: "github/codeql-action/upload-sarif", input: "token", defaultsToOwnToken: true, scopes: ["security-events"]),
        Writer(action: "github/codeql-action/analyze", input: "token", defaultsToOwnToken: true, scopes: ["security-events"]),
        Writer(action: "actions/attest-build-provenance", input: "github-token", defaultsToOwnToken: true, scopes: ["attestations"]),
        Writer(action: "actions/attest", input: "github-token", defaultsToOwnToken: true, scopes: ["attestations"]),
        Writer(action: "actions/deploy-pages", input: "token", defaultsToOwnToken: true, scopes: ["pages"]),
        Writer(action: "ko-build/setup-ko", input: nil, defaultsToOwnToken: true, scopes: ["packages"]),
        Writer(action: "actions/create-release", input: nil, defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "actions/upload-release-asset", input: nil, defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "goreleaser/goreleaser-action", input: nil, defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "changesets/action", input: nil, defaultsToOwnToken: false, scopes: ["contents", "pull-requests"]),
        Writer(action: "release-drafter/release-drafter", input: nil, defaultsToOwnToken: false, scopes: ["contents", "pull-requests"]),
        Writer(action: "stefanzweifel/git-auto-commit-action", input: nil, defaultsToOwnToken: false, scopes: ["contents"], usesClone: true),
        Writer(action: "endbug/add-and-commit", input: nil, defaultsToOwnToken: false, scopes: ["contents"], usesClone: true),
    ]
}
