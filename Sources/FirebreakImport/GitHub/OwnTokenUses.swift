import FirebreakModel

/// What a job's own steps write with the job's GITHUB_TOKEN, read from its steps: the access a
/// legitimate run uses, so that the fix advisor does not propose taking it away (a read-only
/// token breaks `gh release create`). Only what the steps show counts: `actions/github-script`,
/// a script file or a tool that finds the token by itself may write too, unseen.
///
/// The token reaches a step as `${{ github.token }}` or `${{ secrets.GITHUB_TOKEN }}` (GitHub Docs,
/// "Automatic token authentication"), in an input, in `GH_TOKEN`/`GITHUB_TOKEN` for the `gh`
/// tool, or through the credential `actions/checkout` keeps in the clone's Git configuration
/// (`persist-credentials`, on by default) for a later `git push`.
struct OwnTokenUse: Equatable {
    /// The permission the write needs.
    enum Scope: Equatable {
        /// `contents: write`: pushes, tags, releases.
        case contents
        /// `packages: write`: pushes to the repository's GitHub Packages (`ghcr.io`).
        case packages
    }

    var scope: Scope
    var what: String
    var location: SourceLocation

    /// The uses a job's steps make of its token, in step order.
    static func uses(in job: Workflow.Job, of workflow: Workflow) -> [OwnTokenUse] {
        var found: [OwnTokenUse] = []
        // The SLSA generator attaches its provenance to the release with the token its caller
        // gives it when told to (`upload-assets: true`).
        if let called = job.uses, called.text.lowercased().hasPrefix("slsa-framework/slsa-github-generator/"),
           job.node.value("with")?.value("upload-assets")?.scalarText?.lowercased() == "true" {
            found.append(OwnTokenUse(scope: .contents, what: "the SLSA generator's `upload-assets`", location: called.location))
        }
        let jobEnv = workflow.env.merging(job.env) { $1 }
        /// Whether the clone's Git configuration holds the job's token (the last checkout of this repository kept it).
        var cloneHoldsToken = false
        /// Whether a script pointed a remote at a URL with its own credential: later pushes use that.
        var remoteHasOwnCredential = false
        for step in job.steps {
            let action = step.uses.flatMap { $0.split(separator: "@").first }.map { $0.lowercased() } ?? ""
            let env = jobEnv.merging(step.env) { $1 }
            if action == "actions/checkout" {
                let source = step.with["repository"]?.text.replacingOccurrences(of: " ", with: "") ?? ""
                guard source.isEmpty || source == "${{github.repository}}" else { continue }
                cloneHoldsToken = step.with["persist-credentials"]?.text.lowercased() != "false"
                    && (step.with["token"].map { isOwnToken($0.text) } ?? true)
                continue
            }
            if let run = step.run {
                let ghHasToken = ["GH_TOKEN", "GITHUB_TOKEN"].contains { env[$0].map(isOwnToken) ?? false }
                _ = ShellCommands.contains(in: run) { words in
                    if setsCredentialedRemote(words) { remoteHasOwnCredential = true }
                    if ghHasToken, let command = ghWrite(words) { found.append(OwnTokenUse(scope: .contents, what: "`\(command)`", location: step.location)) }
                    if cloneHoldsToken, !remoteHasOwnCredential, isPushToOrigin(words) {
                        found.append(OwnTokenUse(scope: .contents, what: "`git push`", location: step.location))
                    }
                    return false
                }
                continue
            }
            // GoReleaser publishes a release only when told to release, and not as a snapshot.
            let goreleaserBuildsOnly = action == "goreleaser/goreleaser-action"
                && (step.with["args"].map { !$0.text.contains("release") || $0.text.contains("--snapshot") } ?? true)
            if !goreleaserBuildsOnly, let writer = contentsWriters.first(where: { action == $0.action }) {
                let given = writer.input.flatMap { step.with[$0]?.text } ?? (writer.input == nil ? env["GITHUB_TOKEN"] : nil)
                let byClone = writer.input == nil && writer.usesClone
                if byClone ? cloneHoldsToken && !remoteHasOwnCredential : given.map(isOwnToken) ?? writer.defaultsToOwnToken {
                    found.append(OwnTokenUse(scope: .contents, what: action, location: step.location))
                }
            }
            // github-script hands its script an API client with the job's token unless given
            // another (`github-token:`): a script that writes contents, or that hands the client
            // to the repository's own code (`require('./scripts/release')`), uses it.
            if action == "actions/github-script", step.with["github-token"].map({ isOwnToken($0.text) }) ?? true,
               let script = step.with["script"]?.text, let call = contentsCall(in: script) {
                found.append(OwnTokenUse(scope: .contents, what: "actions/github-script (\(call))", location: step.location))
            }
            // The job's token logs in only to the repository's GitHub Packages (ghcr.io), whatever
            // variable names the registry.
            if action == "docker/login-action", step.with["password"].map({ isOwnToken($0.text) }) == true {
                found.append(OwnTokenUse(scope: .packages, what: "docker/login-action to ghcr.io", location: step.location))
            }
        }
        return found
    }

    /// Whether an input's or variable's text is the job's own token and nothing else.
    static func isOwnToken(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " }.lowercased()
        return compact == "${{github.token}}" || compact == "${{secrets.github_token}}"
    }

    /// The first call in a github-script script that writes the repository's contents
    /// (releases, refs, tags, commits, files, merges, dispatches), or that hands its client to
    /// the repository's own code.
    static func contentsCall(in script: String) -> String? {
        let writes = ["createRelease", "updateRelease", "deleteRelease", "uploadReleaseAsset", "generateReleaseNotes", "createRef", "updateRef",
                      "deleteRef", "createTag", "createCommit", "createTree", "createOrUpdateFileContents", "deleteFile", "merge(",
                      "createDispatchEvent"]
        if let write = writes.first(where: { TextSearch.contains(script, $0) }) { return write.hasSuffix("(") ? String(write.dropLast()) : write }
        let ownModule = ["require('./", "require(\"./", "require(`./", "require(`${process.env.GITHUB_WORKSPACE}"].contains { TextSearch.contains(script, $0) }
        return ownModule && TextSearch.contains(script, "github") ? "its client handed to the repository's own script" : nil
    }

    /// A command's own words: past the shell's keywords, variable assignments and `sudo`.
    static func command(_ words: [Substring]) -> ArraySlice<Substring> {
        let rest = Array(words.drop(while: { ShellCommands.keywords.contains($0) }))
        return ShellCommands.commandPlace(in: rest).map { rest[$0...] } ?? []
    }

    /// `gh release create|upload|edit|delete`, `gh pr merge`: the `gh` commands that write the
    /// repository's contents (a release and its tag, a merge).
    static func ghWrite(_ words: [Substring]) -> String? {
        let command = Array(command(words))
        guard command.count >= 3, command[0] == "gh" else { return nil }
        let writes: [Substring: Set<Substring>] = ["release": ["create", "upload", "edit", "delete"], "pr": ["merge"]]
        guard writes[command[1]]?.contains(command[2]) == true else { return nil }
        return command.prefix(3).joined(separator: " ")
    }

    /// `git push` to the clone's own remote: not to a URL (which names its own credential, or none).
    static func isPushToOrigin(_ words: [Substring]) -> Bool {
        let command = Array(command(words))
        guard command.first == "git" else { return false }
        // Past git's own options (`-C dir`, `-c key=value`).
        var place = 1
        while place < command.count, command[place].hasPrefix("-") { place += ["-C", "-c"].contains(command[place]) ? 2 : 1 }
        guard place < command.count, command[place] == "push" else { return false }
        return !command[(place + 1)...].contains { $0.contains("://") || $0.hasPrefix("git@") }
    }

    /// `git remote set-url|add NAME URL` with a credential in the URL (`https://x-access-token:…@github.com/…`).
    static func setsCredentialedRemote(_ words: [Substring]) -> Bool {
        let command = Array(command(words))
        guard command.first == "git", command.contains("remote") else { return false }
        return command.contains { $0.contains("://") && $0.contains("@") }
    }

    /// An action that writes the repository's contents with a GitHub token: the input it takes
    /// the token in (nil: `GITHUB_TOKEN` in its environment, or the clone's credential), and
    /// whether it falls back to the job's own when none is given (the action's documented default).
    struct ContentsWriter {
        var action: String
        var input: String?
        var defaultsToOwnToken: Bool
        /// Whether it pushes through the clone's Git configuration (what checkout kept).
        var usesClone: Bool = false
    }

    static let contentsWriters: [ContentsWriter] = [
        ContentsWriter(action: "softprops/action-gh-release", input: "token", defaultsToOwnToken: true),
        ContentsWriter(action: "mikepenz/action-gh-release", input: "token", defaultsToOwnToken: true),
        ContentsWriter(action: "ncipollo/release-action", input: "token", defaultsToOwnToken: true),
        ContentsWriter(action: "svenstaro/upload-release-action", input: "repo_token", defaultsToOwnToken: true),
        ContentsWriter(action: "googleapis/release-please-action", input: "token", defaultsToOwnToken: true),
        ContentsWriter(action: "peter-evans/create-pull-request", input: "token", defaultsToOwnToken: true),
        ContentsWriter(action: "ad-m/github-push-action", input: "github_token", defaultsToOwnToken: true),
        ContentsWriter(action: "jamesives/github-pages-deploy-action", input: "token", defaultsToOwnToken: true),
        ContentsWriter(action: "peaceiris/actions-gh-pages", input: "github_token", defaultsToOwnToken: false),
        ContentsWriter(action: "actions/create-release", input: nil, defaultsToOwnToken: false),
        ContentsWriter(action: "actions/upload-release-asset", input: nil, defaultsToOwnToken: false),
        ContentsWriter(action: "goreleaser/goreleaser-action", input: nil, defaultsToOwnToken: false),
        ContentsWriter(action: "changesets/action", input: nil, defaultsToOwnToken: false),
        ContentsWriter(action: "release-drafter/release-drafter", input: nil, defaultsToOwnToken: false),
        ContentsWriter(action: "stefanzweifel/git-auto-commit-action", input: nil, defaultsToOwnToken: false, usesClone: true),
        ContentsWriter(action: "endbug/add-and-commit", input: nil, defaultsToOwnToken: false, usesClone: true),
    ]
}

extension [Grant] {
    /// The grants of a job's token, each with what the job's steps do with it: a write to the
    /// repository or its releases with the first step seen writing contents, GitHub Packages with
    /// the first login to ghcr.io. (What its OIDC token is granted, a read-only token keeps.)
    func markingUses(_ uses: [OwnTokenUse], repository: NodeID) -> [Grant] {
        let contents = uses.first { $0.scope == .contents }, packages = uses.first { $0.scope == .packages }
        return map { grant in
            var grant = grant
            guard grant.use == nil, grant.level >= .write, !grant.trustedPublishing else { return grant }
            if grant.target == repository || grant.target == NodeID(.resource, "github-releases") {
                grant.use = contents.map { GrantUse(what: $0.what, location: $0.location) }
            } else if grant.target == NodeID(.resource, "github-packages") {
                grant.use = packages.map { GrantUse(what: $0.what, location: $0.location) }
            }
            return grant
        }
    }
}
