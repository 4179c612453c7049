import Foundation
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
            guard TextSearch.contains(text, "${{"), !passed.isEmpty || !tokenEnv.isEmpty || text.lowercased().contains("token"),
                  let expression = OwnTokenUses.wholeExpression(text) else { return false }
            if OwnTokenUses.isOwnToken(expression, passed: passed) { return true }
            // A variable an earlier step set to the token (`${{ env.PASS }}`).
            if case .property(.context("env"), let name) = expression { return tokenEnv.contains(name) }
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
                commands.append(Array(ShellCommands.commandWords(words)))
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
                let command = Array(ShellCommands.commandWords(words))
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
        wholeExpression(text).map { isOwnToken($0, passed: passed) } ?? false
    }

    /// The token itself (`SecretUses.isJobToken`), or an alternative of `||` that is.
    static func isOwnToken(_ expression: ActionsExpression, passed: Set<String>) -> Bool {
        if case .binary(.or, let first, let second) = expression {
            return isOwnToken(first, passed: passed) || isOwnToken(second, passed: passed)
        }
        return SecretUses.isJobToken(expression, passed: passed)
    }

    /// The expression a value is made of when it is one `${{ … }}` and nothing else.
    static func wholeExpression(_ text: String) -> ActionsExpression? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("${{"), trimmed.hasSuffix("}}"), let embedded = try? ExpressionTemplate.expressions(in: trimmed),
              embedded.count == 1, embedded[0].offset == 0,
              embedded[0].text.unicodeScalars.count + 5 == trimmed.unicodeScalars.count else { return nil }
        return try? ExpressionParser.parse(embedded[0].text)
    }

    /// Whether a URL carries the job's token (`https://x-access-token:${GH_TOKEN}@github.com/…`).
    static func carriesOwnToken(_ url: some StringProtocol, variables: Set<String>, passed: Set<String> = []) -> Bool {
        guard url.contains("@") else { return false }
        let embedded = (try? ExpressionTemplate.expressions(in: String(url))) ?? []
        if embedded.contains(where: { (try? ExpressionParser.parse($0.text)).map { isOwnToken($0, passed: passed) } ?? false }) { return true }
        return variables.contains { url.contains("$\($0)") || url.contains("${\($0)}") }
    }

    /// A folder as a checkout's `path:` or a `cd` names it: no `./`, no trailing `/`.
    static func folderName(_ text: String) -> String {
        var name = Substring(text)
        while name.hasPrefix("./") { name = name.dropFirst(2) }
        while name.hasSuffix("/") { name = name.dropLast() }
        return name == "." ? "" : String(name)
    }
}
