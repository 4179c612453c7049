import FirebreakModel
import Foundation
import Yams

/// What a job's steps tell about it, whoever runs it.
struct StepsInfo {
    var steps: [Step] = []
    /// What is assumed of steps, by their name relative to the job (a clone at a revision a
    /// variable names, another repository's checkout in a folder no later step names): stated
    /// for each instance's step (`importSteps` names them).
    var stepAssumptions: [(step: String, statement: String, settle: String, location: SourceLocation)] = []
    var runsCode = false
    var uploads: [Reference] = []
    /// Each download, with the folder it writes to when `path:` names one, and whether a later
    /// script runs what it holds; for a download without `name:` (and without `merge-multiple:
    /// true`), which puts each artifact in a folder of its name, the later scripts, which are
    /// read for each artifact once the run's uploads are known.
    var downloads: [(artifact: Reference, path: String?, runs: Bool, how: String?, laterScripts: [String]?)] = []
    /// The site artifacts `actions/deploy-pages` steps publish on the repository's GitHub Pages site, by name.
    var pagesDeploys: [Reference] = []
    /// The names downloaded from another run (`run-id:`), which may be any run's uploads.
    var otherRunDownloads: Set<String> = []
    var usesCache = false
    /// Whether a script installs third-party packages or builds with them (`PackageInstalls`).
    var installsDependencies = false
    /// Where the first cache step is.
    var cacheLocation = SourceLocation.implicit("")
    /// Every cache step, in order.
    var cacheLocations: [SourceLocation] = []
    /// Whether the first cache step is the job's last, an action's (not a script that restores and
    /// builds at once): no step runs after the restore, only the actions' post steps.
    var restoresLast = false
    /// The images the steps push (`PushedImages`), each with where.
    var pushedImages: [(image: String, location: SourceLocation)] = []
    /// Secrets holding a static cloud key.
    var staticKeys: [(String, (identity: String, cloud: String, location: SourceLocation))] = []
    /// Secrets that name a credential another secret beside them holds: an access key's id, a login's user name.
    var identifiers: [CredentialIdentifier] = []
    /// Secrets handed to steps as a GitHub token (`token:`, `github-token:`, `GH_TOKEN`): long-lived
    /// personal or app tokens, since the job's own would be `github.token`.
    /// Secrets handed to steps as their GitHub token, with where, and the other repository the
    /// step names for it (`with: repository: owner/other`), if any.
    var githubTokens: [(secret: String, location: SourceLocation, elsewhere: String?)] = []
    /// Those of them that are a GitHub App's private key.
    var appKeys: Set<String> = []
    /// Secrets handed to a step in a registry tool's own variable, with the registry and the variable (`RegistryVariables`).
    var registryTokens: [String: (registry: String, variable: String)] = [:]
    /// Secrets handed to a signing tool's own variable (`SigningVariables`), with the tool, the variable and where.
    var signingKeys: [String: (tool: String, variable: String, location: SourceLocation)] = [:]
    /// Secrets handed to a publishing action that uploads to another index than the registry's
    /// own (`repository-url: https://test.pypi.org/legacy/`): not the registry's upload tokens.
    var otherIndexSecrets: Set<String> = []
    /// Cloud roles assumed through OIDC.
    var roles: [(name: String, cloud: String, location: SourceLocation)] = []
    /// What the steps do, for the job's role.
    var evidence = JobRoles.Evidence()
}

extension GitHubImport {
    /// What a job's steps tell, read once per job definition (a reusable workflow's job is
    /// instantiated for every caller); step names are the instance's own.
    mutating func importSteps(_ job: Workflow.Job, in workflow: Workflow, jobName: String, depth: Int) -> StepsInfo {
        let key = "\(Self.definitionKey(job, in: workflow))#\(depth)"
        let template = stepsInfo[key] ?? readSteps(job, in: workflow, depth: depth)
        stepsInfo[key] = template
        var info = template
        info.steps = template.steps.map { step in
            var named = step
            named.name = "\(jobName)/\(step.name)"
            return named
        }
        for assumed in template.stepAssumptions {
            assume(NodeID(.step, "\(jobName)/\(assumed.step)"), assumed.statement, settle: assumed.settle, at: assumed.location)
        }
        return info
    }

    /// Reads the steps with names relative to the job.
    private mutating func readSteps(_ job: Workflow.Job, in workflow: Workflow, depth: Int) -> StepsInfo {
        var info = StepsInfo()
        var seen: [String: Int] = [:]
        func addStep(_ written: String, kind: Step.Kind, at location: SourceLocation) {
            // An expression spread over lines names one step: its name is kept on one line.
            let uses = TextSplit.words(written).joined(separator: " ")
            seen[uses, default: 0] += 1
            let suffix = seen[uses]! > 1 ? "#\(seen[uses]!)" : ""
            let pin = uses.hasPrefix("docker://") ? ImageReference(uses).pin : Step.inferPin(uses: uses, kind: kind)
            info.steps.append(Step(name: "\(uses)\(suffix)", uses: uses, kind: kind, pin: pin, location: location))
        }
        for image in job.images {
            let text = TextSplit.words(image.text).joined(separator: " ")
            seen[text, default: 0] += 1
            info.steps.append(Step(name: text, uses: text, kind: .image, pin: ImageReference(text).pin, location: image.location))
        }
        /// Folders other repositories were checked out into: what a `./` action there runs.
        /// Each with its ref (the environment's values put in) and where the checkout says it.
        var foreignCheckouts: [(folder: String, source: String, ref: String?, location: SourceLocation)] = []
        var checkedOut = false
        /// Folders this repository was checked out into again: `./folder/x` is its own `./x`.
        var ownCheckouts: [String] = []
        /// Each `run:` script and its step, for the fetched code the job runs.
        var runSteps: [(script: String, location: SourceLocation, start: SourceLocation?)] = []
        // A secret in a cloud key's well-known variable (`AWS_SECRET_ACCESS_KEY`) is that key, which
        // the cloud's command-line tools and SDKs read, in the workflow's, the job's or a step's `env:`.
        // `seen`: the variables the key is used with; `scripts`: the scripts that see it.
        // Each key where its variable is set (`AWS_SECRET_ACCESS_KEY: ${{ secrets.X }}`), else where the `env:` belongs.
        func cloudKeys(in env: [String: String], of node: Yams.Node, at location: SourceLocation, seen: [String: String], scripts: [String]) {
            for (key, value) in env.sorted(by: { $0.key < $1.key }) {
                guard var cloud = CloudKeyVariables.cloud(of: key), let secret = Self.secretName(in: value) else { continue }
                let location = Self.setting(of: key, in: node, file: workflow.file) ?? location
                if cloud == CloudKeyVariables.awsAccount { cloud = CloudKeyVariables.awsCloud(env: seen, scripts: scripts) }
                // A key id and its secret key used together are one key, held by its secret half:
                // the id is an identifier beside it.
                if let secretKey = CloudKeyVariables.secretHalf(of: key).flatMap({ seen[$0] }).flatMap(Self.secretName(in:)) {
                    info.identifiers.append(CredentialIdentifier(secret: secret, credential: secretKey, role: .accessKeyID, location: location))
                    continue
                }
                info.staticKeys.append((secret, (CloudKeyVariables.identity(holding: secret, for: cloud), cloud, location)))
            }
        }
        let jobEnv = workflow.env.merging(job.env) { _, job in job }
        let jobScripts = job.steps.compactMap(\.run)
        cloudKeys(in: workflow.env, of: workflow.root, at: workflow.location, seen: jobEnv, scripts: jobScripts)
        cloudKeys(in: job.env, of: job.node, at: job.location, seen: jobEnv, scripts: jobScripts)
        signingKeys(in: workflow.env, from: workflow.root, file: workflow.file, into: &info)
        signingKeys(in: job.env, from: job.node, file: workflow.file, into: &info)
        func usesCache(at location: SourceLocation) {
            if !info.usesCache { info.cacheLocation = location }
            info.usesCache = true
            info.cacheLocations.append(location)
        }
        var cacheTokenExposed = false
        /// Whether a cache step keeps a package manager's downloads (`PackageStores`).
        var cachesPackages = false
        for step in job.steps {
            for (key, value) in step.with.sorted(by: { $0.key < $1.key }) where Self.tokenInputs.contains(key.lowercased()) {
                guard let secret = Self.secretName(in: value.text) else { continue }
                // A bare `token:` is a GitHub token only for an action that calls GitHub, or by its name;
                // a service's own action takes that service's token (CodSpeed, Codecov).
                if key.lowercased() == "token", !Self.callsGitHub(step.uses ?? ""), !Self.namesGitHubToken(secret) { continue }
                info.githubTokens.append((secret, value.node.location(workflow.file), otherRepository(named: step.with["repository"]?.text)))
            }
            // A GitHub App's private key mints the app's tokens whenever its holder likes: it is
            // a token that never expires.
            if Self.appTokenActions.contains(where: { (step.uses ?? "").lowercased().hasPrefix($0) }) {
                for key in ["private-key", "private_key"] {
                    if let value = step.with[key], let secret = Self.secretName(in: value.text) {
                        info.githubTokens.append((secret, value.node.location(workflow.file), nil))
                        info.appKeys.insert(secret)
                    }
                }
            }
            for (key, value) in step.env.sorted(by: { $0.key < $1.key }) where Self.tokenVariables.contains(key) {
                // Where the variable is set (`GH_TOKEN: ${{ secrets.X }}`), not the step's first line.
                let at = Self.setting(of: key, in: step.node, file: workflow.file) ?? step.location
                if let secret = Self.secretName(in: value) { info.githubTokens.append((secret, at, nil)) }
            }
            // A secret written into a GitHub address a script clones, fetches or pushes
            // (`https://$TOKEN@github.com/owner/repo`) is a GitHub token for that repository.
            if let run = step.run {
                let env = jobEnv.merging(step.env) { _, step in step }
                for use in Self.githubURLTokens(in: run, env: env) {
                    let at = use.variable.flatMap { Self.setting(of: $0, in: step.node, file: workflow.file) } ?? step.location
                    info.githubTokens.append((use.secret, at, otherRepository(named: use.repository)))
                }
            }
            cloudKeys(in: step.env, of: step.node, at: step.location, seen: jobEnv.merging(step.env) { _, step in step }, scripts: step.run.map { [$0] } ?? [])
            signingKeys(in: step.env, from: step.node, file: workflow.file, into: &info)
            // A secret handed to a step in a registry tool's own variable is that registry's upload
            // token, and the step uploads there (a workflow's or job's `env:` reaches every step, so
            // it says neither of a job that only tests).
            for (key, value) in step.env.sorted(by: { $0.key < $1.key }) {
                guard let registry = RegistryVariables.registry(of: key), let secret = Self.secretName(in: value) else { continue }
                info.evidence.registriesByToolVariable.insert(registry)
                info.registryTokens[secret] = (registry, key)
            }
            var uses = step.uses ?? ""
            if uses.hasPrefix("./"), let folder = LocalAction.folder(of: uses),
               let own = ownCheckouts.first(where: { LocalAction.folder(folder, isInside: $0) }) {
                uses = "./" + folder.dropFirst(own.count).drop { $0 == "/" }
            }
            let action = uses.split(separator: "@").first.map(String.init)?.lowercased() ?? ""
            // BuildKit's GitHub Actions cache (`--cache-from type=gha`) from a script, once an earlier
            // step hands the script the cache service's token (crazy-max/ghaction-github-runtime).
            if Self.runtimeTokenActions.contains(where: { (step.uses ?? "").lowercased().hasPrefix($0) }) { cacheTokenExposed = true }
            if let run = step.run, cacheTokenExposed, Self.restoresBuildKitCache(run) { usesCache(at: step.location) }
            if let run = step.run {
                info.evidence.scripts.append(run)
                info.pushedImages += PushedImages.pushed(in: run).map { ($0, step.location) }
                runSteps.append((run, step.location, Self.scriptStart(of: step, file: workflow.file)))
                if PackageInstalls.occur(in: run) { info.installsDependencies = true }
                // Inline commands (echo, curl) run no file of the checkout; build tools and scripts do.
                if checkedOut, Self.executesWorkspaceCode(step) { info.runsCode = true }
                for download in info.downloads.indices where !info.downloads[download].runs {
                    // By its name or the folder it lands in; a glob names no file a script could run, and a
                    // shared folder (`/tmp`, the workspace, a variable's) does not say which files are the artifact's.
                    let names = ([info.downloads[download].artifact.name] + [info.downloads[download].path].compactMap { $0 })
                        .map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                        .filter { !ArtifactNamePattern.isPattern($0) && !$0.contains("$") && !ActionsKnowledge.sharedFolders.contains($0) }
                    if let reading = DownloadRun.reading(names, in: [run]) {
                        info.downloads[download].runs = true
                        info.downloads[download].how = reading.how
                    } else if ActionsKnowledge.putsDownloadOnPath(info.downloads[download].path, in: run) {
                        info.downloads[download].runs = true
                    }
                    info.downloads[download].laterScripts?.append(run)
                }
            }
            if step.uses != nil, Self.namesNothing(uses) {
                log.add(Diagnostic(.error, at: step.node.value("uses")?.location(workflow.file) ?? step.location,
                                   "`uses: '\(uses)'` names no action", help: "write `uses: owner/repo@<full commit>` or `uses: ./path/to/action`"))
                continue
            }
            guard !uses.isEmpty else { continue }
            if uses.hasPrefix("./"), let folder = LocalAction.folder(of: uses),
               let checkout = foreignCheckouts.first(where: { LocalAction.folder(folder, isInside: $0.folder) }) {
                // An action inside another repository's checkout is that repository's code, pinned
                // where the checkout names its ref.
                let inside = folder.dropFirst(checkout.folder.count).drop { $0 == "/" }
                let reference = "\(checkout.source)/\(inside)@\(checkout.ref ?? "(default branch)")"
                addStep(reference, kind: .action, at: checkout.location)
                info.steps[info.steps.count - 1].pin = checkout.ref.map { PinState.infer(fromVersion: $0) } ?? .branch
                info.runsCode = true
                continue
            }
            if LocalAction.isLocal(uses) {
                // `./x` runs the checked-out workspace's action; `$/x` the repository's own at the
                // running commit, no checkout needed. Either way: repository code.
                info.runsCode = true
                _ = localAction(uses, at: step.node.value("uses")?.location(workflow.file))
                for nested in localActionSteps(uses, inputs: step.with.mapValues(\.text), depth: depth) {
                    addStep(nested.uses, kind: nested.uses.hasPrefix("docker://") ? .image : .action, at: nested.location)
                    let name = nested.uses.split(separator: "@").first.map { $0.lowercased() } ?? ""
                    info.evidence.actions.append(name)
                    // A cache the composite action's own steps keep is the job's, its inputs put in
                    // as the calling step gives them or as they default.
                    if ActionsKnowledge.usesRetiredCache(nested.uses) {
                        log.add(Diagnostic(.warning, at: nested.location, Self.retiredCacheWarning(nested.uses), help: Self.retiredCacheHelp))
                    } else if Self.keepsCache(action: name, with: nested.with) {
                        usesCache(at: nested.location)
                    }
                }
                let scripts = localActionScripts(uses, depth: depth)
                info.evidence.scripts += scripts
                if scripts.contains(where: PackageInstalls.occur) { info.installsDependencies = true }
                continue
            }
            // GoReleaser's `--snapshot` builds without publishing anything, as in a script; an
            // upload to a test index (`repository-url: https://test.pypi.org/legacy/`) publishes no release.
            let snapshot = action.hasPrefix("goreleaser/goreleaser-action") && (step.with["args"]?.text.contains("--snapshot") ?? false)
            // Only a literal index counts: an expression may name PyPI's on some runs.
            let indexes = ["repository-url", "repository_url", "publish-url"].compactMap { step.with[$0]?.text }.filter { !$0.contains("${{") }
            let toTestIndex = indexes.contains(where: JobRoles.namesATestIndex)
            if !snapshot, !toTestIndex { info.evidence.actions.append(action) }
            // The password a step uploads with to another index than PyPI's (a test index, a
            // private one) is that index's, whatever it is called.
            if action.hasPrefix("pypa/gh-action-pypi-publish"), let index = indexes.first, !index.contains("upload.pypi.org") {
                for key in ["password", "user"] {
                    if let secret = step.with[key].flatMap({ Self.secretName(in: $0.text) }) { info.otherIndexSecrets.insert(secret) }
                }
            }
            // `install-only: true` puts the tool on the path for a later step and runs nothing
            // itself; it still says what the job is for (cli/cli's macOS job installs GoReleaser,
            // then builds and signs the release with it).
            let installOnly = step.with["install-only"]?.text.lowercased() == "true"
            // setup-node's `registry-url` writes npm's authentication for that registry: in a job
            // that publishes, npm's own registry is one it publishes to.
            if action.hasPrefix("actions/setup-node"), step.with["registry-url"]?.text.contains("registry.npmjs.org") == true {
                info.evidence.authenticatesToNpm = true
            }
            addStep(uses, kind: uses.hasPrefix("docker://") ? .image : .action, at: step.location)
            // A remote action named for a checkout (`org/repo/.github/actions/checkout-x@ref`),
            // whose steps Firebreak does not read, is taken to check this repository out unless it
            // names another: the scripts after it run the repository's code.
            if Self.isCheckoutWrapper(action) {
                if step.with["repository"] == nil { checkedOut = true }
                info.stepAssumptions.append((info.steps[info.steps.count - 1].name, Self.checkoutWrapperStatement(uses),
                                             "describe the job in a native model if the action checks out nothing", step.location))
            }
            if checkedOut, Self.workspaceRunningActions.contains(where: { action.hasPrefix($0) }), !installOnly {
                info.runsCode = true
            }
            if ActionsKnowledge.usesRetiredCache(uses) {
                // Its runs fail at this step: nothing restored, nothing saved.
                log.add(Diagnostic(.warning, at: step.node.value("uses")?.location(workflow.file) ?? step.location,
                                   Self.retiredCacheWarning(uses), help: Self.retiredCacheHelp))
            } else if Self.keepsCache(action: action, with: step.with) {
                usesCache(at: step.location)
                if PackageStores.kept(byAction: action, with: step.with.mapValues(\.text)) { cachesPackages = true }
            }
            let with = step.with
            // The variables the step sees (the workflow's, the job's, its own): a role named
            // `${{ env.ROLE }}` is the one they set.
            func stepEnv() -> [String: String] { jobEnv.merging(step.env) { _, step in step } }
            switch action {
            case "actions/checkout":
                // Only this repository's own code counts as repository code. The pull request's
                // head repository is the pull request's code (this one's on a push; a fork's on a
                // fork's pull request), which the exposure analysis weighs: not a third party's.
                let source = with["repository"]?.text ?? ""
                let compact = source.replacingOccurrences(of: " ", with: "")
                let namesHead = Self.headContexts.contains { compact.contains($0) }
                if source.isEmpty || compact == "${{github.repository}}" || namesHead { checkedOut = true }
                let folder = with["path"].flatMap { LocalAction.folder(of: "./" + $0.text) }.flatMap { $0.isEmpty ? nil : $0 }
                let ref = with["ref"].map { Self.resolvingEnv($0.text, workflow.env.merging(job.env) { $1 }) }
                let refLocation = with["ref"].map { $0.node.location(workflow.file) } ?? step.location
                if let folder {
                    if !source.isEmpty, !namesHead {
                        foreignCheckouts.append((folder, source.contains("${{") ? "(a repository named by \(source))" : source, ref, refLocation))
                    } else {
                        ownCheckouts.append(folder)
                    }
                }
                // Another repository's code checked out at a branch or tag, then run (`./action`,
                // its scripts), is third-party code as much as a `uses:` is. An action inside the
                // checkout's own folder is that step already (above), named for the action it runs.
                let insideCheckout = { (later: Workflow.Step) -> Bool in
                    guard let folder, let uses = later.uses, uses.hasPrefix("./"), let used = LocalAction.folder(of: uses) else { return false }
                    return LocalAction.folder(used, isInside: folder)
                }
                let executing = job.steps.drop(while: { $0.location != step.location }).dropFirst()
                    .filter { Self.executesWorkspaceCode($0) && !insideCheckout($0) }
                if let repository = with["repository"]?.text, !repository.contains("${{"), repository.contains("/"), !executing.isEmpty {
                    let reference = "\(repository)@\(ref ?? "(default branch)")"
                    seen[reference, default: 0] += 1
                    let pin: PinState = ref.map { PinState.infer(fromVersion: $0) } ?? .branch
                    info.steps.append(Step(name: reference, uses: reference, kind: .action, pin: pin, location: refLocation))
                    // Checked out into a folder that no step running build tools names: what runs
                    // may not reach it (data: stubs, documents); taken to, and said.
                    if let folder, !executing.contains(where: { Self.names(folder: folder, $0, in: job) }) {
                        info.stepAssumptions.append((reference,
                            "'\(repository)' is checked out into '\(folder)', which no later step that runs build tools names; taken to run code from it all the same (a build file may reach into it)",
                            "check the steps that run build tools read nothing in '\(folder)' but data, then pin the checkout's `ref:` to a commit or describe the job in a native model", refLocation))
                    }
                }
            case "docker/build-push-action":
                if with["push"]?.text == "true" {
                    info.evidence.pushesImage = true
                    let at = with["tags"]?.node.location(workflow.file) ?? step.location
                    info.pushedImages += PushedImages.tags(with["tags"]?.text ?? "", env: jobEnv).map { ($0, at) }
                }
            case "actions/upload-artifact":
                info.uploads.append(Reference(with["name"]?.text ?? "artifact", at: step.location))
            case "actions/upload-pages-artifact":
                // The site, as an artifact of the run (its `name:` input, `github-pages` by default).
                info.uploads.append(Reference(with["name"]?.text ?? "github-pages", at: step.location))
            case "actions/deploy-pages":
                // Deploys the run's site artifact (`artifact_name:`, `github-pages` by default) to GitHub Pages.
                info.pagesDeploys.append(Reference(with["artifact_name"]?.text ?? "github-pages", at: step.location))
            case "actions/download-artifact":
                // Without `name:`, a glob in `pattern:`, or with neither every artifact of the run.
                let name = with["name"]?.text ?? with["pattern"]?.text ?? ArtifactNamePattern.everything
                // A folder an earlier step put on PATH runs what lands in it, as a later step's would.
                let onPath = runSteps.contains { ActionsKnowledge.putsDownloadOnPath(with["path"]?.text, in: $0.script) }
                // Without `name:`, each artifact lands in a folder of its name, unless `merge-multiple: true`
                // (actions/download-artifact README).
                let ownFolders = with["name"] == nil && with["merge-multiple"]?.text != "true"
                info.downloads.append((Reference(name, at: step.location), with["path"]?.text, onPath, nil, ownFolders ? [] : nil))
                if with["run-id"] != nil { info.otherRunDownloads.insert(name) }
            case "aws-actions/configure-aws-credentials":
                if let key = with["aws-access-key-id"], let secret = Self.secretName(in: key.text) {
                    // The key id and its secret key are one key, held by its secret half: the id
                    // is an identifier beside it. An id with no secret's key beside it stands for the key.
                    let location = key.node.location(workflow.file)
                    if let half = with["aws-secret-access-key"], let secretKey = Self.secretName(in: half.text) {
                        info.identifiers.append(CredentialIdentifier(secret: secret, credential: secretKey, role: .accessKeyID, location: location))
                        info.staticKeys.append((secretKey, (CloudKeyVariables.identity(holding: secretKey, for: CloudKeyVariables.awsAccount),
                                                            CloudKeyVariables.awsAccount, half.node.location(workflow.file))))
                    } else {
                        info.staticKeys.append((secret, (CloudKeyVariables.identity(holding: secret, for: CloudKeyVariables.awsAccount),
                                                         CloudKeyVariables.awsAccount, location)))
                    }
                } else if let role = with["role-to-assume"] {
                    info.roles.append((Self.resolvingEnv(role.text, stepEnv()), "aws-account", role.node.location(workflow.file)))
                }
            case "docker/login-action":
                // A user name beside a password or token (for Amazon ECR, an access key's id beside its secret key).
                if let user = with["username"], let secret = Self.secretName(in: user.text),
                   let credential = with["password"].flatMap({ Self.secretName(in: $0.text) }) {
                    info.identifiers.append(CredentialIdentifier(secret: secret, credential: credential, role: .userName,
                                                                 location: user.node.location(workflow.file)))
                }
            case "google-github-actions/auth":
                if let key = with["credentials_json"], let secret = Self.secretName(in: key.text) {
                    info.staticKeys.append((secret, ("gcp-key:\(secret)", "gcp-project", key.node.location(workflow.file))))
                } else if let provider = with["service_account"] ?? with["workload_identity_provider"] {
                    info.roles.append((Self.resolvingEnv(provider.text, stepEnv()), "gcp-project", provider.node.location(workflow.file)))
                }
            case "azure/login":
                if let creds = with["creds"], let secret = Self.secretName(in: creds.text) {
                    info.staticKeys.append((secret, ("azure-key:\(secret)", "azure-subscription", creds.node.location(workflow.file))))
                } else if let client = with["client-id"] {
                    info.roles.append(("azure:\(Self.resolvingEnv(client.text, stepEnv()))", "azure-subscription", client.node.location(workflow.file)))
                }
            default:
                break
            }
        }
        // A job that restores a package manager's downloads and builds (a Makefile that calls
        // Maven) builds with those packages, whichever command runs the package manager.
        if cachesPackages, !info.installsDependencies, runSteps.contains(where: { JobRoles.buildingCommands.occur(in: ShellWords($0.script), atCommandStart: true) }) {
            info.installsDependencies = true
        }
        // A clone made in one step may be built in a later one: the job's scripts read once, as one.
        for fetch in FetchedCode.fetches(in: runSteps.map(\.script).joined(separator: "\n"), repository: model.repository.name) {
            let at = runSteps.first { $0.script.contains(fetch.url) }?.location ?? job.location
            let step = Step(name: fetch.url, uses: fetch.url, kind: .script, pin: fetch.pin, location: at)
            info.steps.append(step)
            if let revision = fetch.variableRevision {
                info.stepAssumptions.append((step.name, FetchedCode.variableRevisionStatement(fetch.url, revision), FetchedCode.variableRevisionSettle, at))
            }
            if let command = fetch.variableCommand {
                info.stepAssumptions.append((step.name, FetchedCode.variableCommandStatement(fetch.url, command), FetchedCode.variableCommandSettle, at))
            }
        }
        // Tools the scripts install from a registry by name, each once, where it is first installed;
        // a version the matrix gives (`--version ${{ matrix.raze }}`) read as the matrix gives it.
        let matrix = job.node.matrixValues
        for run in runSteps {
            let script = Self.resolvingMatrixVersions(run.script, matrix)
            for install in ToolInstalls.installs(in: script) where !info.steps.contains(where: { $0.name == install.uses }) {
                let at = Self.place(of: install, in: script, from: run.start) ?? run.location
                info.steps.append(Step(name: install.uses, uses: install.uses, kind: .package, pin: install.pin, location: at))
                if install.constraints != nil {
                    info.stepAssumptions.append((install.uses, ToolInstalls.constraintsStatement(install), ToolInstalls.constraintsSettle(install), at))
                }
            }
        }
        // A cache step of the job's own (not one inside a local action, whose later steps may run) that no step follows.
        if let first = info.cacheLocations.first, let place = job.steps.firstIndex(where: { $0.location == first }) {
            info.restoresLast = place == job.steps.count - 1 && job.steps[place].run == nil
        }
        return info
    }

    /// Where a step's `run:` text begins: its value's place, or for a block (`run: |`) the line
    /// after the key, indented two columns past it (the text's own indentation is not kept).
    static func scriptStart(of step: Workflow.Step, file: String) -> SourceLocation? {
        guard let entry = step.node.entries.first(where: { $0.key == "run" }), case .scalar(let scalar) = entry.value,
              let value = entry.value.mark, let key = entry.keyNode.mark else { return nil }
        guard scalar.style == .literal || scalar.style == .folded else { return SourceLocation(file: file, line: value.line, column: value.column) }
        return SourceLocation(file: file, line: value.line + 1, column: key.column + 2)
    }

    /// Where in the file `script` installs `install`: its first line that does (or, for a command
    /// continued over lines, names it), at the package's name; nil when no place is known for
    /// the script.
    static func place(of install: ToolInstalls.Install, in script: String, from start: SourceLocation?) -> SourceLocation? {
        guard let start else { return nil }
        let column = { (line: Substring) in ToolInstalls.offset(of: install.name, in: line) }
        return ScriptPlace.place(in: script, from: start, where: { ToolInstalls.installs(in: String($0)).contains(install) }, column: column)
            ?? ScriptPlace.place(in: script, from: start, where: { $0.contains(install.name) }, column: column)
    }

    /// Whether a step names the folder `folder` as where it works or what its script works on
    /// (`working-directory: tools`, `cd tools`, `make -C tools`, `python tools/gen.py`).
    static func names(folder: String, _ step: Workflow.Step, in job: Workflow.Job) -> Bool {
        let inside = { (path: String) in LocalAction.folder(path.hasPrefix("./") ? String(path.dropFirst(2)) : path, isInside: folder) }
        let directory = step.node.value("working-directory")?.scalarText
            ?? job.node.value("defaults")?.value("run")?.value("working-directory")?.scalarText
        if let directory, inside(directory) || directory.hasSuffix("/\(folder)") || directory.contains("/\(folder)/") { return true }
        guard let script = step.run else { return false }
        return ShellWords(script).words.contains { word in
            let text = String(word)
            return inside(text) || text.contains("/\(folder)/") || text.hasSuffix("/\(folder)")
        }
    }

    /// Where the `env:` of a workflow, job or step sets `variable` (`GH_TOKEN: ${{ secrets.X }}`).
    static func setting(of variable: String, in node: Yams.Node, file: String) -> SourceLocation? {
        node.value("env")?.value(variable)?.location(file)
    }

    /// The secrets an `env:` hands a signing tool in its own variable (`CSC_LINK: ${{ secrets.MAC_CERTS }}`), where set.
    func signingKeys(in env: [String: String], from node: Yams.Node, file: String, into info: inout StepsInfo) {
        for (variable, value) in env.sorted(by: { $0.key < $1.key }) {
            guard let tool = SigningVariables.tool(of: variable), let secret = Self.secretName(in: value), info.signingKeys[secret] == nil else { continue }
            let at = Self.setting(of: variable, in: node, file: file) ?? node.location(file)
            info.signingKeys[secret] = (tool, variable, at)
        }
    }

    /// Inputs and variables through which actions and the `gh` and `git` tools take a GitHub token.
    /// Actions whose `token:` input is a GitHub token: GitHub's own and those that call its API.
    static let gitHubCallingActions = [
        "actions/", "github/", "peter-evans/", "stefanzweifel/", "ad-m/github-push-action", "softprops/", "ncipollo/", "cli/",
        "octokit/", "release-drafter/", "googleapis/release-please-action", "tibdex/", "endbug/", "crazy-max/ghaction-github",
        "jamesives/github-pages-deploy-action", "peaceiris/actions-gh-pages", "dessant/", "marocchino/", "thollander/",
        "renovatebot/github-action",
    ]

    /// Whether an action calls GitHub with the token it takes: a known one, or one whose own
    /// name (the last part of its path: `helpers/git-init`, `git-auto-commit-action`) has the
    /// word `git`: an action that works a Git repository on GitHub authenticates to GitHub with
    /// it. A word, not a part of one (`gitleaks`, `gitlab` do not count), and only the action's
    /// own name (`acme/git-tools/notify-slack` takes Slack's token); `github` alone does not
    /// either, since many services' actions are named `<service>-github-action` and take the
    /// service's token (Slack's).
    static func callsGitHub(_ uses: String) -> Bool {
        let lowered = uses.lowercased()
        if gitHubCallingActions.contains(where: { lowered.hasPrefix($0) }) { return true }
        let path = lowered.split(separator: "@").first?.split(separator: "/") ?? []
        guard path.count > 1, let name = path.last else { return false }
        return name.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains("git")
    }

    /// Whether a secret's name says it is a GitHub token (`GH_PAT`, `BOT_TOKEN`, `GITHUB_APP_TOKEN`).
    static func namesGitHubToken(_ secret: String) -> Bool {
        let name = secret.uppercased()
        return ["GITHUB", "GH_", "PAT", "BOT"].contains { name.contains($0) }
    }

    /// Actions that mint a GitHub App's installation token from its private key.
    static let appTokenActions = ["actions/create-github-app-token@", "tibdex/github-app-token@"]

    /// The inputs that take a GitHub token (`personal_token`: peaceiris/actions-gh-pages's, for
    /// pushing a site to another repository).
    static let tokenInputs: Set<String> = ["token", "github-token", "github_token", "repo-token", "repo_token", "personal-access-token",
                                           "personal_access_token", "personal_token", "personal-token"]
    /// Environment variables that hand a step a GitHub token (`PERSONAL_ACCESS_TOKEN`: the CLA
    /// assistant's token for the repository that keeps the signatures).
    static let tokenVariables: Set<String> = ["GH_TOKEN", "GITHUB_TOKEN", "GH_PAT", "GITHUB_PAT", "PERSONAL_ACCESS_TOKEN"]

    /// Actions that restore and save the repository's Actions cache whatever their inputs.
    static let cacheActions = ["actions/cache", "swatinem/rust-cache", "mozilla-actions/sccache-action", "gradle/actions/setup-gradle",
                               "gradle/gradle-build-action", "hendrikmuhs/ccache-action", "nix-community/cache-nix-action"]

    /// Actions whose cache is turned on by an input.
    /// `${{ env.NAME }}` as NAME's literal value from the workflow's or job's `env:`, when the
    /// whole text is that one reference and the value is literal; the text itself otherwise.
    static func resolvingEnv(_ text: String, _ env: [String: String]) -> String {
        guard let name = wholeReference(in: text, to: "env"), let value = env[name], !value.contains("${{") else { return text }
        return value
    }

    /// `script` with each `${{ matrix.NAME }}` whose values are one text, or all full versions
    /// (`1.2.3`), put in as its first value: what a tool installed at that version is pinned to
    /// is the same in every run of the matrix. Other expressions are left as they are.
    static func resolvingMatrixVersions(_ script: String, _ matrix: [String: [String]]) -> String {
        guard !matrix.isEmpty, TextSearch.contains(script, "matrix."), let embedded = try? ExpressionTemplate.expressions(in: script) else { return script }
        var scalars = Array(script.unicodeScalars)
        // From the last, so that the offsets before it stay where they are.
        for found in embedded.reversed() {
            guard let expression = try? ExpressionParser.parse(found.text), expression.contextPath?.first == "matrix",
                  let values = possibleValues(of: expression, matrix: matrix, inputs: [:]).map({ Array(Set($0)).sorted() }),
                  let first = values.first, values.count == 1 || values.allSatisfy(PinState.isFullVersion) else { continue }
            let end = found.offset + 3 + found.text.unicodeScalars.count + 2
            scalars.replaceSubrange(found.offset..<end, with: first.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// NAME when the whole text is one `${{ CONTEXT.NAME }}` (blanks around it allowed).
    static func wholeReference(in text: String, to context: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("${{"), trimmed.hasSuffix("}}") else { return nil }
        let inner = trimmed.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
        guard inner.hasPrefix(context + ".") else { return nil }
        return String(inner.dropFirst(context.count + 1))
    }

    static func enablesCache(action: String, with: [String: (text: String, node: Yams.Node)]) -> Bool {
        let on = { (key: String) in with[key].map { !$0.text.isEmpty && $0.text != "false" } ?? false }
        let notOff = { (key: String) in with[key].map { $0.text.lowercased() != "false" } ?? true }
        // setup-go caches unless told not to (since v4); setup-uv's `enable-cache` defaults to
        // `auto`, on for GitHub-hosted runners.
        if action.hasPrefix("actions/setup-go") { return notOff("cache") }
        if action.hasPrefix("actions/setup-") { return on("cache") }
        if action.hasPrefix("astral-sh/setup-uv") { return notOff("enable-cache") }
        if action.hasPrefix("ruby/setup-ruby") { return on("bundler-cache") }
        // BuildKit's GitHub Actions cache: `cache-from` restores what another run saved (bake's
        // `set: *.cache-from=type=gha` too); only a restore matters here, every job may save.
        if action.hasPrefix("docker/build-push-action") { return with["cache-from"]?.text.contains("type=gha") ?? false }
        if action.hasPrefix("docker/bake-action") { return with["set"].map { restoresBuildKitCache($0.text) } ?? false }
        return false
    }

    /// Actions that hand later steps the Actions cache service's token (`ACTIONS_RUNTIME_TOKEN`).
    static let runtimeTokenActions = ["crazy-max/ghaction-github-runtime", "docker/build-push-action", "docker/bake-action"]

    /// Whether a script or setting tells BuildKit to restore from the Actions cache
    /// (`--cache-from type=gha,scope=…`, `*.cache-from=type=gha`).
    static func restoresBuildKitCache(_ text: String) -> Bool {
        TextSearch.contains(text, "cache-from") && TextSearch.contains(text, "type=gha")
    }

    /// Whether a `uses:` value names nothing GitHub could run: empty, or only a ref.
    static func namesNothing(_ uses: String) -> Bool {
        // Blanks as Foundation's `.whitespaces` counts them: tab and the space separators.
        let blank = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let rest = uses.unicodeScalars.drop(while: blank)
        return rest.allSatisfy(blank) || rest.first == "@"
    }

    /// The one secret an action input names (`${{ secrets.AWS_KEY }}`), read from its syntax tree.
    static func secretName(in text: String) -> String? {
        var uses = SecretUses()
        for embedded in (try? ExpressionTemplate.expressions(in: text)) ?? [] {
            if let expression = try? ExpressionParser.parse(embedded.text) { uses.collect(expression, at: .implicit(""), matrix: [:]) }
        }
        return uses.names.keys.sorted().first
    }

    /// A third-party step inside a local composite action, with its `with:` inputs, each
    /// `${{ inputs.NAME }}` put in as the action is called.
    struct NestedStep {
        var uses: String
        var location: SourceLocation
        var with: [String: (text: String, node: Yams.Node)]
    }

    /// The third-party steps of a local composite action called with `inputs` (the calling step's
    /// `with:` texts), nested ones included.
    mutating func localActionSteps(_ uses: String, inputs: [String: String], depth: Int) -> [NestedStep] {
        guard depth < 3, let action = localAction(uses) else { return [] }
        let given = Dictionary(inputs.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        var steps: [NestedStep] = []
        for step in action.steps {
            guard let nested = step.uses else { continue }
            let with = step.with.mapValues { (text: Self.resolvingInputs($0.text, given: given, defaults: action.inputDefaults), node: $0.node) }
            if LocalAction.isLocal(nested) {
                _ = localAction(nested, at: step.node.value("uses")?.location(action.file))
                steps += localActionSteps(nested, inputs: with.mapValues(\.text), depth: depth + 1)
            } else {
                steps.append(NestedStep(uses: nested, location: step.location, with: with))
            }
        }
        if let image = action.image { steps.append(NestedStep(uses: image.text, location: image.location, with: [:])) }
        return steps
    }

    /// `${{ inputs.NAME }}` as a composite action is called: the calling step's value, else the
    /// input's default; the text itself when it is anything else or neither gives a value.
    static func resolvingInputs(_ text: String, given: [String: String], defaults: [String: String]) -> String {
        guard let name = wholeReference(in: text, to: "inputs")?.lowercased() else { return text }
        return given[name] ?? defaults[name] ?? text
    }

    /// The warning for a step of a retired actions/cache version (`ActionsKnowledge.usesRetiredCache`).
    static func retiredCacheWarning(_ uses: String) -> String {
        "`uses: \(uses)`: GitHub retired this version of actions/cache on 1 March 2025, so runs fail at this step; the job is taken to restore and save no cache"
    }
    static let retiredCacheHelp = "use actions/cache@v4 (a commit of v4.2.0 or later)"

    /// Whether a step keeps the Actions cache: an action that always caches, or one whose
    /// cache an input turns on.
    static func keepsCache(action: String, with: [String: (text: String, node: Yams.Node)]) -> Bool {
        cacheActions.contains { action.hasPrefix($0) } || enablesCache(action: action, with: with)
    }

    /// A job's steps with each call of the repository's own composite action replaced by the
    /// action's steps, their `with:` and `env:` given `${{ inputs.X }}` as the calling step gives
    /// it or as it defaults, and the calling step's `env:` under their own, nested calls too (no
    /// deeper than `localActionSteps` reads, never an action inside itself): a composite action's
    /// steps run in the job, with what it was handed. At most `expandedStepLimit` steps are put
    /// in: past it a call stays one step (actions that call each other many times over would
    /// otherwise multiply).
    mutating func expandingOwnActions(_ steps: [Workflow.Step]) -> [Workflow.Step] {
        var budget = Self.expandedStepLimit
        return expandingOwnActions(steps, depth: 0, calling: [], budget: &budget)
    }

    static let expandedStepLimit = 2_000

    private mutating func expandingOwnActions(_ steps: [Workflow.Step], depth: Int, calling: Set<String>, budget: inout Int) -> [Workflow.Step] {
        var expanded: [Workflow.Step] = []
        for step in steps {
            guard depth < 3, budget > 0, let uses = step.uses, LocalAction.isLocal(uses), let folder = LocalAction.folder(of: uses),
                  !calling.contains(folder), let action = localAction(uses), action.steps.count <= budget else {
                expanded.append(step)
                continue
            }
            budget -= action.steps.count
            let given = Dictionary(step.with.map { ($0.key.lowercased(), $0.value.text) }) { first, _ in first }
            let inner = action.steps.map { inner in
                var resolved = inner
                resolved.with = inner.with.mapValues { (text: Self.resolvingInputs($0.text, given: given, defaults: action.inputDefaults), node: $0.node) }
                resolved.env = step.env.merging(inner.env.mapValues { Self.resolvingInputs($0, given: given, defaults: action.inputDefaults) }) { $1 }
                return resolved
            }
            expanded += expandingOwnActions(inner, depth: depth + 1, calling: calling.union([folder]), budget: &budget)
        }
        return expanded
    }

    /// The shell scripts of a local composite action, nested ones included.
    mutating func localActionScripts(_ uses: String, depth: Int) -> [String] {
        guard depth < 3, let action = localAction(uses) else { return [] }
        return action.steps.flatMap { step -> [String] in
            if let nested = step.uses, LocalAction.isLocal(nested) { return localActionScripts(nested, depth: depth + 1) }
            return step.run.map { [$0] } ?? []
        }
    }
}

extension GitHubImport {
    /// The repository a step's `repository:` input names when it is written out and is not this
    /// one (`github/cli.github.com`); nil for none, this one, or one an expression names.
    func otherRepository(named text: String?) -> String? {
        guard let text, !text.contains("${{"), text.split(separator: "/").count == 2,
              text.lowercased() != model.repository.name.lowercased() else { return nil }
        return text
    }

    /// Whether an action other than `actions/checkout` is named for a checkout: its repository's
    /// or its folder's name says so (`pytorch/pytorch/.github/actions/checkout-pytorch`).
    static func isCheckoutWrapper(_ action: String) -> Bool {
        guard !action.hasPrefix("actions/checkout"), !action.hasPrefix("./"), !action.hasPrefix("docker://") else { return false }
        return action.split(separator: "/").dropFirst().contains { $0.contains("checkout") }
    }

    static func checkoutWrapperStatement(_ uses: String) -> String {
        "'\(uses)' is named for a checkout and its steps are not read: taken to check out what it is handed (this repository unless it names another, at the ref it is given), so the job's later scripts run that code"
    }

    /// The secrets a script writes into a GitHub address before its host (`https://$TOKEN@github.com/o/r`,
    /// `https://x-access-token:${{ secrets.X }}@github.com/o/r.git`), each with the variable that
    /// holds it (nil when written inline) and the repository the address names, if written out.
    static func githubURLTokens(in script: String, env: [String: String]) -> [(secret: String, variable: String?, repository: String?)] {
        var found: [(secret: String, variable: String?, repository: String?)] = []
        var rest = Substring(script)
        while let host = rest.range(of: "@github.com/") {
            let before = rest[..<host.lowerBound]
            // The address's credentials: back to its scheme.
            guard let scheme = before.range(of: "https://", options: .backwards) else { rest = rest[host.upperBound...]; continue }
            let credentials = before[scheme.upperBound...]
            let path = rest[host.upperBound...].prefix { !$0.isWhitespace && !"\"';|&)".contains($0) }
            let parts = path.split(separator: "/").prefix(2).map { String($0) }
            let repository = parts.count == 2 && !parts.joined().contains("$") ? parts[0] + "/" + (parts[1].hasSuffix(".git") ? String(parts[1].dropLast(4)) : parts[1]) : nil
            // One word, but for the expressions in it (`${{ secrets.X }}` holds blanks).
            let word = credentials.replacingOccurrences(of: #"\$\{\{[^}]*\}\}"#, with: "", options: .regularExpression)
            if !word.contains(where: \.isWhitespace) {
                // `user:token@`: the token is after the colon (outside an expression's braces).
                let token = word.contains(":") ? String(credentials[credentials.index(after: credentials.lastIndex(of: ":")!)...]) : String(credentials)
                if let secret = secretName(in: token) {
                    found.append((secret, nil, repository))
                } else {
                    for (name, value) in env.sorted(by: { $0.key < $1.key }) where Self.expands(token, variable: name) {
                        if let secret = secretName(in: value) { found.append((secret, name, repository)) }
                    }
                }
            }
            rest = rest[host.upperBound...]
        }
        return found
    }

    /// Whether shell text expands variable `name` (`$NAME`, `${NAME}`), not a longer one it begins.
    static func expands(_ text: String, variable name: String) -> Bool {
        text.range(of: #"\$\{?"# + NSRegularExpression.escapedPattern(for: name) + #"(\}|(?![A-Za-z0-9_]))"#, options: .regularExpression) != nil
    }
}
