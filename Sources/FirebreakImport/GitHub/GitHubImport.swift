import FirebreakModel
import Foundation
import Yams

/// The state of one GitHub Actions import: the shared model builder, and what this platform's
/// import has seen so far.
struct GitHubImport {
    var builder: ModelBuilder
    var parsed: [String: Workflow?] = [:]
    /// The prefix of each imported workflow's jobs' names, by path (`namePrefixes(of:)`).
    var namePrefixes: [String: String] = [:]
    var localActions: [String: LocalAction?] = [:]
    /// Secret names referenced, each with the first place it was referenced.
    var referencedSecrets: [String: SourceLocation] = [:]
    /// Secrets found to hold a static cloud key: secret -> identity name.
    var staticKeySecrets: [String: (identity: String, cloud: String, location: SourceLocation)] = [:]
    /// Secrets found to name a credential another secret beside them holds, each as first found;
    /// and every secret found holding the credential of such a pair.
    var identifierSecrets: [String: CredentialIdentifier] = [:]
    var pairedCredentials: Set<String> = []
    /// Jobs that read every secret of the repository (`toJSON(secrets)`, `secrets: inherit` to a
    /// remote workflow, a computed name), with where they do.
    var everySecretJobs: [String: SourceLocation] = [:]
    /// The workflows whose token is assumed to have the legacy default, with the assumption's place.
    var assumedWorkflows: [String: Int] = [:]
    /// Secrets that are a GitHub App's private key (among the GitHub tokens).
    var githubAppKeys: Set<String> = []
    /// Secrets handed to a signing tool's own variable (`SigningVariables`): signing keys.
    var signingKeySecrets: [String: (tool: String, variable: String, location: SourceLocation)] = [:]
    /// Secrets used as GitHub tokens, each with where first.
    var githubTokenSecrets: [String: SourceLocation] = [:]
    /// Per such secret, the other repositories steps name for it; and the secrets some step
    /// uses without naming another (for this repository, as far as the files say).
    var githubTokenElsewhere: [String: Set<String>] = [:]
    var githubTokensHere: Set<String> = []
    /// Every job definition's secret reads together: whether a secret is ever read without a
    /// fallback to the job's own token.
    var everyRead = SecretUses()
    /// Secrets that are a registry's upload token: secret -> registry, publishing job, where.
    var registryTokenSecrets: [String: (registry: String, job: String, variable: String?, location: SourceLocation)] = [:]
    /// Jobs whose token may dispatch workflows.
    var dispatchers: [String: Dispatcher] = [:]
    /// What a job definition reads and exposes, by `workflow#job` (and events): a reusable
    /// workflow's jobs are analysed once, however many callers instantiate them.
    var secretReads: [String: SecretUses] = [:]
    var exposures: [String: Exposure] = [:]
    /// Job `if:`s that read what cannot be evaluated, stated once per file and contexts at the end.
    var unreadConditions = UnreadConditions()
    /// Per job, the artifact names it downloads from another run (`run-id:`).
    var otherRunDownloads: [String: Set<String>] = [:]
    /// Per job, its downloads that put each artifact in a folder of its name and that no script
    /// was found to run as a whole: the name written, where, the folder they land in, and the
    /// later scripts, read for each artifact when the downloads are linked.
    var artifactFolderDownloads: [String: [(written: String, location: SourceLocation, path: String?, scripts: [String])]] = [:]
    /// Per job, the images it pushes (`PushedImages`).
    var pushedImages: [String: [(image: String, location: SourceLocation)]] = [:]
    var stepsInfo: [String: StepsInfo] = [:]
    /// The expressions written anywhere in a job definition, by `workflow#job`: several
    /// analyses read them all, once per definition and once per caller.
    var jobExpressions: [String: [ExpressionScanner.Found]] = [:]
    /// Whether reusable-workflow expansion hit the job limit.
    var expansionStopped = false
    /// Weaknesses recorded so far, by kind and place.
    var recordedWeaknesses: Set<String> = []
    /// Jobs that declare a `cache-mode:` (or whose workflow does), by job name.
    var cacheModes: [String: GitHubCacheMode] = [:]
    /// Per job, the jobs that must have succeeded for it to run: its own needs its `if:` requires
    /// (`requiredNeeds`), and those its callers require.
    var neededToRun: [String: [Reference]] = [:]
    /// The environments inputs name, stated once each (`workflow#input#value`).
    var environmentInputs: Set<String> = []
    /// This repository's actions called by full name, read as its own: by its name, known before
    /// any workflow is read.
    let ownActions: OwnActions

    init(builder: ModelBuilder) {
        self.builder = builder
        let repository = builder.model.repository
        ownActions = OwnActions(repository: repository.name, unnamed: repository.name == RepositoryIdentity.unnamed,
                                defaultBranch: repository.defaultBranch, root: builder.root)
    }

    var root: String { builder.root }
    var codeOwners: CodeOwners { builder.codeOwners }
    var model: PipelineModel {
        get { builder.model }
        _modify { yield &builder.model }
    }
    var log: DiagnosticLog {
        get { builder.log }
        _modify { yield &builder.log }
    }

    func file(_ path: String) -> String { builder.file(path) }

    @discardableResult
    mutating func assume(_ subject: NodeID?, _ statement: String, settle: String, at location: SourceLocation) -> Int {
        builder.assume(subject, statement, settle: settle, at: location)
    }

    /// Imports the given workflow files, or every workflow of the repository when nil.
    mutating func importWorkflows(_ paths: [String]?, context: PipelineModel?) {
        capitaliseContextSecrets()
        var callOnly: [Workflow] = []
        let imported = paths ?? GitHubActionsImporter.workflowFiles(root: root)
        namePrefixes = Self.namePrefixes(of: imported)
        for path in imported {
            guard let workflow = workflow(at: path) else { continue }
            if workflow.isCallOnly, paths == nil { callOnly.append(workflow); continue }
            importWorkflow(workflow)
        }
        // Reusable workflows no workflow here calls run for other repositories, with their secrets.
        for workflow in callOnly where model.definitions[workflow.path] == nil {
            builder.declareLocalDefinition(workflow.path, at: workflow.location)
            assume(NodeID(.definition, workflow.path), "reusable workflow '\(workflow.path)' is called by no workflow of this repository; its jobs run for other repositories, with their secrets, and are not simulated here",
                   settle: "analyse the calling repository, or call it from a workflow here", at: workflow.location)
            recordUncalledWeaknesses(workflow)
        }
        unreadConditions.state(into: &builder)
        declareSecrets(context: context)
        skipJobsAfterSkippedNeeds()
        shareDefaultBranchCache()
        grantDispatch()
        linkArtifacts()
        linkPushedImages()
    }

    /// A context file's GitHub secret written in lower case names the secret the workflows read
    /// in any case: it is filed in capitals, as `SecretUses` files what the workflows read. One
    /// that names no platform is GitHub's unless the repository has GitLab CI too, whose
    /// variables' names are case-sensitive.
    mutating func capitaliseContextSecrets() {
        let gitlabToo = RepositoryFile.exists(GitLabCIImporter.fileName, under: root)
        for (name, secret) in model.secrets.sorted(by: { $0.key < $1.key })
        where (secret.platform ?? (gitlabToo ? .gitlab : .github)) == .github && name != name.uppercased() && model.secrets[name.uppercased()] == nil {
            var renamed = secret
            renamed.name = name.uppercased()
            model.secrets[name] = nil
            model.secrets[renamed.name] = renamed
        }
    }

    /// The prefix of each workflow's jobs' and triggers' names: its file name without the
    /// extension (`ci` for `ci.yml`), or the whole file name where another of the files has the
    /// same stem (`ci.yml` and `ci.yaml`) or is named that stem (`ci.yml` and `ci.yml.yaml`), so
    /// that no two files' jobs share names. A file alone keeps the short name.
    static func namePrefixes(of paths: [String]) -> [String: String] {
        let files = paths.map { (path: $0, name: Workflow.fileName(of: $0), stem: Workflow.stem(of: $0)) }
        let stems = files.reduce(into: [String: Int]()) { $0[$1.stem, default: 0] += 1 }
        let names = Set(files.map(\.name))
        var prefixes: [String: String] = [:]
        for file in files {
            let shared = stems[file.stem, default: 0] > 1 || (file.stem != file.name && names.contains(file.stem))
            prefixes[file.path] = shared ? file.name : file.stem
        }
        return prefixes
    }

    /// Reads and parses a workflow once; a failure is reported and remembered.
    mutating func workflow(at path: String) -> Workflow? {
        if let cached = parsed[path] { return cached }
        let label = file(path)
        do throws(LoadError) {
            let text = try RepositoryFile.read(path, under: root, label: label, budget: builder.budget)
            let node = try RepositoryFile.parse(text, label: label, budget: builder.budget)
            var workflow = try WorkflowParser(file: label, path: path).parse(node)
            workflow.chosenPrefix = namePrefixes[path]
            workflow.jobs = workflow.jobs.map(ownActions.reading)
            let limit = builder.budget.limits.jobs
            guard workflow.jobs.count <= limit else {
                throw LoadError([Diagnostic(.error, at: node.value("jobs")?.location(label) ?? workflow.location,
                                            "the workflow has \(workflow.jobs.count) jobs, more than the \(limit) Firebreak imports in one run",
                                            help: "raise the limit with --max-jobs")])
            }
            parsed[path] = workflow
            return workflow
        } catch {
            log.add(contentsOf: error.diagnostics)
            parsed[path] = .some(nil)
            return nil
        }
    }

    /// A job's token permissions: its own, else its workflow's, else (in a called workflow) its
    /// caller's; in a called workflow never more than the caller's.
    static func permissions(of job: Workflow.Job, in workflow: Workflow, caller: Caller?) -> Workflow.Permissions? {
        guard let own = job.permissions ?? workflow.permissions else { return caller?.permissions }
        return own.capped(by: caller?.permissions)
    }

    /// Reads a local action (`./x` or `$/x`) once; nil (and a report, when it is broken) otherwise.
    mutating func localAction(_ uses: String, at location: SourceLocation? = nil) -> LocalAction? {
        guard LocalAction.isLocal(uses) else { return nil }
        guard let folder = LocalAction.folder(of: uses) else {
            log.add(Diagnostic(.error, at: location ?? .implicit(file(".github/workflows")), "local action '\(uses)' climbs out of the repository",
                               help: "reference actions inside the repository, or another repository's as `owner/repo@<full commit>`"))
            return nil
        }
        if let cached = localActions[folder] { return cached }
        do {
            var action = try LocalAction.read(root: root, path: folder, label: file, budget: builder.budget)
            if let steps = action?.steps { action?.steps = steps.map(ownActions.reading) }
            if action == nil, let location {
                log.add(Diagnostic(.error, at: location, "local action '\(uses)' has no action.yml or action.yaml",
                                   help: "check the path (GitHub resolves it from the repository root), and that submodules are checked out"))
            }
            // A missing action is reported where a step uses it; a lookup without a place waits for that.
            if action != nil || location != nil { localActions[folder] = .some(action) }
            return action
        } catch {
            log.add(contentsOf: error.diagnostics)
            localActions[folder] = .some(nil)
            return nil
        }
    }

    // MARK: Workflows

    /// One event of a workflow, as the jobs of the workflow (and of the workflows it calls) see it.
    struct EventUse {
        var reference: Reference
        var event: Workflow.Event
        var semantics: GitHubEvents.Semantics
        /// Whether an outsider can start a run of it with the workflow's activity types.
        var outsiderFires: Bool { GitHubEvents.outsiderCanFire(semantics, types: event.types) }
    }

    mutating func importWorkflow(_ workflow: Workflow) {
        builder.declareLocalDefinition(workflow.path, at: workflow.location)
        var events: [EventUse] = []
        for event in workflow.events {
            let name = "\(workflow.namePrefix):\(event.name)"
            let semantics: GitHubEvents.Semantics
            if let known = GitHubEvents.semantics(event.name) {
                semantics = known
            } else {
                semantics = GitHubEvents.unknown
                assume(NodeID(.trigger, name), "'\(event.name)' is not an event GitHub documents; assumed an outsider can fire it and that it runs in the base repository with its secrets",
                       settle: "check the event's name against GitHub's list of workflow events", at: event.location)
            }
            let kind: Trigger.Event = event.name == "push" && event.tagsOnly ? .tag : semantics.modelEvent
            // A repository dispatch always runs the default branch; a push, the branches it lists;
            // a push of tags, the tags it lists.
            let branches = event.name == "repository_dispatch" ? [model.repository.defaultBranch]
                : kind == .tag ? event.tagPatterns
                : kind == .push && event.name == "push" ? event.branches : []
            model.triggers[name] = Trigger(name: name, event: kind, platformEvent: event.name, branches: branches,
                                           fromForks: kind.isRequestEvent, location: event.location)
            events.append(EventUse(reference: Reference(name, at: event.location), event: event, semantics: semantics))
            // A push filtered on branches and tags, or on neither, runs for both: its tag runs are a
            // trigger of their own.
            if event.name == "push", (event.tags && !event.tagsOnly) || event.unfiltered {
                let tagName = "\(name)-tags"
                model.triggers[tagName] = Trigger(name: tagName, event: .tag, platformEvent: event.name, branches: event.tagPatterns,
                                                  fromForks: false, location: event.location)
                events.append(EventUse(reference: Reference(tagName, at: event.location), event: event, semantics: semantics))
            }
        }
        guard !events.isEmpty else { return }
        for job in workflow.jobs {
            importJob(job, in: workflow, name: "\(workflow.namePrefix)/\(job.id)", events: events, caller: nil, depth: 0)
        }
    }

    /// What a calling job hands to the jobs of a reusable workflow.
    struct Caller {
        var permissions: Workflow.Permissions?
        var inherit: Bool
        /// `secrets:` the caller passes: callee name (lowercased) -> what the caller's expression reads.
        var passed: [String: SecretUses]
        var visited: Set<String>
        /// The top-level workflow whose run the called jobs are part of.
        var topLevel: Reference
        /// The `if:`s of the jobs that call this workflow, outermost first: each must hold for
        /// the called jobs to run.
        var conditions: [ExpressionScanner.Found] = []
        /// The literal values of the calling job's `with:`, by lowercased name (`callInputs`);
        /// an empty list for a value that is unknown.
        var inputs: [String: [String]] = [:]
        /// The called workflow's secrets (in capitals) that are the job's own token, as the
        /// caller passes it (`secrets: {ghcr_password: ${{ secrets.GITHUB_TOKEN }}}`).
        var ownTokenSecrets: Set<String> = []
        /// The jobs the calling jobs need to have succeeded (`requiredNeeds`), outermost first:
        /// the called jobs run only where those run.
        var requiredNeeds: [Reference] = []
    }

    mutating func importJob(_ job: Workflow.Job, in workflow: Workflow, name: String, events: [EventUse], caller: Caller?, depth: Int) {
        let scanner = ExpressionScanner(file: workflow.file)
        let condition = job.node.value("if").flatMap { scanner.condition($0, diagnostics: &log) }
        // A job whose `if:` cannot hold on an event does not run on it, whoever causes it; nor
        // does one none of whose steps can, where nothing runs as it starts (`StepRuns`).
        let stepConditions = job.steps.map { step in step.node.value("if").flatMap { scanner.condition($0, diagnostics: &log) } }
        let stepIDs = job.steps.map { $0.node.value("id")?.scalarText }
        let admitted = events.filter { use in condition.map { ConditionAnalysis.runs($0.expression, on: use.event.name) } ?? true }
        let startsNothing = job.uses == nil && !job.steps.isEmpty && job.node.value("container") == nil && job.node.value("services") == nil
            && job.steps.allSatisfy { StepRuns.startsNothingWhenSkipped(uses: $0.uses) }
        let running = admitted.filter { use in
            !startsNothing || StepRuns.any(conditions: stepConditions.map { $0?.expression }, ids: stepIDs, on: use.event.name)
        }
        if running.isEmpty {
            let why = admitted.isEmpty ? "its `if:` excludes \(events.map(\.event.name).joined(separator: ", "))"
                : "every step's `if:` excludes \(admitted.map(\.event.name).joined(separator: ", "))"
            log.add(Diagnostic(.warning, at: job.conditionLocation ?? job.location, "job '\(name)' runs on none of its workflow's events: \(why)"))
            return
        }
        if let uses = job.uses {
            if Self.namesNothing(uses.text) {
                log.add(Diagnostic(.error, at: uses.location, "`uses: '\(uses.text)'` names no reusable workflow",
                                   help: "write `uses: owner/repo/.github/workflows/file.yml@<full commit>` or `uses: ./.github/workflows/file.yml`"))
                return
            }
            importCall(job, uses: uses, in: workflow, name: name, events: running, condition: condition, caller: caller, depth: depth)
            recordWeaknesses(job, in: workflow, name: name, publishing: nil, permissions: Self.permissions(of: job, in: workflow, caller: caller))
            return
        }
        let triggers = running.map(\.reference)
        neededToRun[name] = (caller?.requiredNeeds ?? []) + Self.required(Self.needs(job, of: name), by: condition)
        let permissions = Self.permissions(of: job, in: workflow, caller: caller)
        let secrets = secretReferences(job, workflow: workflow, name: name, caller: caller)
        let stepsInfo = importSteps(job, in: workflow, jobName: name, depth: depth)
        if !stepsInfo.otherRunDownloads.isEmpty { otherRunDownloads[name] = stepsInfo.otherRunDownloads }
        if !stepsInfo.pushedImages.isEmpty { pushedImages[name] = stepsInfo.pushedImages }
        // A key read as an AWS account's anywhere stays one (the broader reading wins, whatever the order).
        for (secret, key) in stepsInfo.staticKeys where staticKeySecrets[secret].map({ $0.cloud != CloudKeyVariables.awsAccount }) ?? true {
            staticKeySecrets[secret] = key
        }
        for identifier in stepsInfo.identifiers {
            pairedCredentials.insert(identifier.credential)
            if identifierSecrets[identifier.secret] == nil { identifierSecrets[identifier.secret] = identifier }
        }
        for token in stepsInfo.githubTokens {
            if githubTokenSecrets[token.secret] == nil { githubTokenSecrets[token.secret] = token.location }
            if let other = token.elsewhere { githubTokenElsewhere[token.secret, default: []].insert(other) } else { githubTokensHere.insert(token.secret) }
        }
        githubAppKeys.formUnion(stepsInfo.appKeys)
        for (secret, key) in stepsInfo.signingKeys where signingKeySecrets[secret] == nil { signingKeySecrets[secret] = key }
        for role in stepsInfo.roles { builder.addCloudRole(role.name, cloud: role.cloud, at: role.location) }
        let environment = job.environment.map { declareEnvironment(named: $0.name, at: $0.location, in: workflow, caller: caller) }
        var evidence = stepsInfo.evidence
        evidence.deploysThroughEnvironment = environment != nil
        evidence.writeScopes = Set(["packages", "deployments"].filter { permissions?.scopes[$0] == "write" })
        // An OIDC token to sign with, also under `write-all`.
        if permissions?.level("id-token") == "write" { evidence.writeScopes.insert("id-token") }
        let role = JobRoles.role(evidence)
        var token = tokenGrants(permissions, workflow: workflow, job: job, name: name)
        // A job that signs with Sigstore and may mint an OIDC token signs as its workflow.
        if let permissions, permissions.level("id-token") == "write", JobRoles.signsKeyless(evidence) {
            let identity = builder.declareSigningIdentity(of: workflow.path, job: name, at: permissions.location(of: "id-token"))
            token = (token ?? []) + [Grant(target: identity, level: .write, location: permissions.location(of: "id-token"))]
        }
        if role == .release {
            let publishing = publishingGrants(evidence, permissions: permissions, job: job, in: workflow, name: name)
            if !publishing.isEmpty { token = (token ?? []) + publishing }
            let registries = JobRoles.registries(evidence)
            for secret in secrets where registryTokenSecrets[secret.name] == nil && !stepsInfo.otherIndexSecrets.contains(secret.name) {
                if let handed = stepsInfo.registryTokens[secret.name] {
                    registryTokenSecrets[secret.name] = (handed.registry, name, handed.variable, secret.location)
                } else if let registry = JobRoles.registryToken(secret.name, publishingTo: registries) {
                    registryTokenSecrets[secret.name] = (registry, name, nil, secret.location)
                }
            }
        }
        let exposure = outsiderExposure(job, in: workflow, name: name, events: running, condition: condition, stepConditions: stepConditions,
                                        callerConditions: caller?.conditions ?? [])
        // A publishing job ships what it downloads to the registries it publishes to; a deploying
        // one, to its environment's target.
        let publishedTo = role == .release ? JobRoles.registries(evidence) : []
        var consumes: [Job.Consumption] = []
        for download in stepsInfo.downloads {
            let artifact = download.artifact, at = download.artifact.location
            if !download.runs, let scripts = download.laterScripts, !scripts.isEmpty {
                artifactFolderDownloads[name, default: []].append((artifact.name, at, download.path, scripts))
            }
            if download.runs {
                var consumption = Job.Consumption(artifact: artifact, use: .run, verifies: false, deploysTo: nil, canaryPercent: nil, location: at)
                consumption.how = download.how
                consumes.append(consumption)
            } else if !publishedTo.isEmpty {
                for registry in publishedTo {
                    let target = builder.declarePublishedRegistry(registry, job: name, at: at)
                    consumes.append(Job.Consumption(artifact: artifact, use: .deploy, verifies: false, deploysTo: Reference(target.name, at: at),
                                                    canaryPercent: nil, location: at))
                }
            } else if role == .deploy || role == .release, let environment {
                let target = builder.declareDeployTarget(for: environment, page: job.node.value("environment")?.value("url")?.scalarText)
                consumes.append(Job.Consumption(artifact: artifact, use: .deploy, verifies: false, deploysTo: target, canaryPercent: nil, location: at))
            } else {
                consumes.append(Job.Consumption(artifact: artifact, use: .data, verifies: false, deploysTo: nil, canaryPercent: nil, location: at))
            }
        }
        for site in stepsInfo.pagesDeploys {
            let pages = builder.declarePagesSite(on: .github, at: site.location)
            consumes.append(Job.Consumption(artifact: site, use: .deploy, verifies: false, deploysTo: Reference(pages.name, at: site.location),
                                            canaryPercent: nil, location: site.location))
        }
        let cacheMode = GitHubCacheMode(job: job.node, workflow: workflow.root)
        cacheModes[name] = cacheMode
        var modelJob = Job(
            name: name, role: role, definition: Reference(workflow.path, at: job.location), triggers: triggers,
            runsOn: resolveRunner(job, in: workflow, caller: caller), environment: environment, needs: Self.needs(job, of: name),
            runsRepositoryCode: stepsInfo.runsCode, installsDependencies: stepsInfo.installsDependencies, untrustedInput: exposure.untrusted, guardCondition: exposure.guard,
            secrets: secrets, token: token,
            oidc: permissions.map { $0.level("id-token") == "write" } ?? false,
            produces: stepsInfo.uploads.map { Reference(Self.artifact($0.name, ofRun: Self.run(of: name)), at: $0.location) }, consumes: consumes,
            restoresCaches: stepsInfo.usesCache && cacheMode?.restores != false ? [Reference(Self.cacheName, at: stepsInfo.cacheLocation)] : [],
            steps: stepsInfo.steps, platform: .github, location: job.location)
        modelJob.calledFrom = caller?.topLevel
        modelJob.restoresAfterItsSteps = !modelJob.restoresCaches.isEmpty && stepsInfo.restoresLast
        // What the job's own steps write with its token, which a fix must leave it.
        modelJob.tokenUses = OwnTokenUses.uses(in: job, of: workflow, permissions: permissions, passed: caller?.ownTokenSecrets ?? [],
                                               steps: expandingOwnActions(job.steps))
        model.jobs[name] = modelJob
        // A cache in a run that publishes (a release job, a release or tag event) ships whatever was poisoned into it.
        let releaseRun = running.contains { use in
            use.event.name == "release" || use.event.name == "push" && (use.event.tags || use.event.branches.contains { $0.contains("release") })
        }
        let publishing = role == .release ? "a job that publishes" : releaseRun ? "a release's run (a release event, a tag or a release branch)" : nil
        recordWeaknesses(job, in: workflow, name: name, publishing: publishing.map { ($0, stepsInfo.cacheLocations) }, permissions: permissions)
        // Downloads are linked to the uploads they take once every workflow is read (`linkArtifacts`).
        for artifact in modelJob.produces where model.artifacts[artifact.name] == nil {
            model.artifacts[artifact.name] = Artifact(name: artifact.name, store: nil, signed: false, criticality: nil, location: artifact.location)
        }
        if stepsInfo.usesCache, model.caches[Self.cacheName] == nil {
            // Side branches' runs read it but write only their own branch's scope.
            model.caches[Self.cacheName] = Cache(name: Self.cacheName, key: nil, criticality: nil, scope: .protected,
                                                 location: stepsInfo.cacheLocation)
            assume(NodeID(.cache, Self.cacheName),
                   "the runs in the default branch's context share one cache scope whatever the keys: any code a push to it, a schedule, a manual run or a workflow_run executes can write to it, cache step or not; pull_request_target, issue_comment and issues runs, and a workflow_run that follows a fork pull request's run, only read it, unless their job sets `cache-mode: write` (a workflow_run is taken to write: the run it follows may be a push's); side branches, pull requests, tags and merge queues write only their own ref's scope",
                   settle: "keep release jobs off the Actions cache, or give them keys no other job can write", at: stepsInfo.cacheLocation)
        }
    }

    static let cacheName = "default-branch-cache"


    /// Every job that runs in the default branch's context can write its cache, with or
    /// without a cache step: the cache service's token is in the runner for any code the job
    /// runs. Pull request runs write their merge ref's scope, tag runs their tag's; runs of
    /// events outsiders cause get a read-only token unless the job asks for more, and a job's
    /// `cache-mode:` stops or allows writes whatever its events.
    mutating func shareDefaultBranchCache() {
        guard let cache = model.caches[Self.cacheName] else { return }
        let defaultBranch = model.repository.defaultBranch
        for name in model.jobs.keys.sorted() {
            guard var job = model.jobs[name], job.savesCaches.isEmpty else { continue }
            let mode = cacheModes[name]
            if mode?.saves == false { continue }
            let writing = job.triggers.first { named in
                guard let trigger = model.triggers[named.name] else { return false }
                if mode?.saves == true, [.pullRequestTarget, .issueComment, .issues].contains(trigger.event) { return true }
                return GitHubCacheMode.writesByDefault(trigger, defaultBranch: defaultBranch)
            }
            guard let writing else { continue }
            // Where the job names an event whose runs are in that context: its runs' context
            // writes, not a step (a restore-only step saves nothing), and not all its runs (a
            // pull request's writes only its own scope).
            job.savesCaches = [Reference(cache.name, at: writing.location)]
            model.jobs[name] = job
        }
    }

    /// A job's `needs`, named like the job itself: beside it in its workflow (or in the caller
    /// of the reusable workflow it belongs to).
    static func needs(_ job: Workflow.Job, of name: String) -> [Reference] {
        let prefix = name.split(separator: "/").dropLast().joined(separator: "/")
        return job.needs.map { Reference("\(prefix)/\($0)", at: job.location) }
    }

    /// A job that calls a reusable workflow: local ones (`./` or `$/`, the same repository at the
    /// running commit) are imported job by job; remote ones are third-party definitions that run
    /// with what the caller passes.
    /// The `with:` of a job that calls a reusable workflow, by lowercased name: a literal as
    /// written, `${{ inputs.X }}` as the values the calling workflow itself has for X, and
    /// `${{ matrix.X }}` as the calling job's literal matrix values. Any other expression is
    /// unknown (an empty list), which is not the input's default.
    static func callInputs(_ job: Workflow.Job, from own: [String: [String]]) -> [String: [String]] {
        var inputs: [String: [String]] = [:]
        let matrix = job.node.matrixValues
        for entry in job.node.value("with")?.entries ?? [] {
            guard let text = entry.value.scalarText else { continue }
            inputs[entry.key.lowercased()] = literalValues(of: text, matrix: matrix, inputs: own) ?? []
        }
        return inputs
    }

    /// The path of a reusable workflow this repository calls by its full name
    /// (`owner/repo/.github/workflows/x.yml@main`): its own code on that ref, not a third party's.
    /// It is this repository when the name is the repository's; when the repository's name is
    /// unknown, when the file is here and is a reusable workflow, which is stated as an assumption.
    mutating func ownWorkflowPath(_ uses: (text: String, location: SourceLocation), calledFrom caller: Workflow) -> String? {
        let parts = uses.text.split(separator: "@", maxSplits: 1)
        let segments = parts[0].split(separator: "/", maxSplits: 2)
        guard segments.count == 3, segments[2].hasPrefix(".github/workflows/"), !segments[2].split(separator: "/").contains("..") else { return nil }
        let repository = "\(segments[0])/\(segments[1])", path = String(segments[2])
        let ref = parts.count > 1 ? String(parts[1]) : "the default branch"
        if repository.lowercased() == model.repository.name.lowercased() { return path }
        // A workflow that calls another repository's file of the same name (a shared
        // `zizmor.yml`) is not calling itself: the file here must be a reusable workflow.
        guard model.repository.name == RepositoryIdentity.unnamed, path != caller.path,
              FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(path)),
              let callee = workflow(at: path), callee.events.contains(where: { $0.name == "workflow_call" }) else { return nil }
        assume(NodeID(.definition, path), "'\(repository)' is taken to be this repository, whose '\(path)' is here: the call runs this repository's own workflow as it is on '\(ref)', not a third party's",
               settle: "name the repository under `repository:` in firebreak.context.yml (or clone it with its remote)", at: uses.location)
        return path
    }

    mutating func importCall(_ job: Workflow.Job, uses: (text: String, location: SourceLocation), in workflow: Workflow, name: String,
                             events: [EventUse], condition: ExpressionScanner.Found?, caller: Caller?, depth: Int) {
        let passed = passedSecrets(job, workflow: workflow)
        // What a call hands on is read here too: whether with a fallback to the job's own token or not.
        for uses in passed.values { everyRead.merge(uses) }
        let ownPath = ownWorkflowPath(uses, calledFrom: workflow)
        if LocalAction.isLocal(uses.text) || ownPath != nil {
            guard let path = ownPath ?? LocalAction.folder(of: uses.text) else {
                log.add(Diagnostic(.error, at: uses.location, "reusable workflow '\(uses.text)' climbs out of the repository",
                                   help: "call workflows inside the repository, or another repository's as `owner/repo/.github/workflows/x.yml@<full commit>`"))
                return
            }
            // Callers that fan out multiply: past the budget the import stops, and says so.
            guard model.jobs.count < builder.budget.limits.jobs else {
                guard !expansionStopped else { return }
                expansionStopped = true
                log.add(Diagnostic(.error, at: uses.location, "reusable workflows expand to more than \(builder.budget.limits.jobs) jobs; '\(uses.text)' and the calls after it are not imported",
                                   help: "Firebreak bounds what one run imports; analyse the called workflows on their own"))
                return
            }
            guard depth < 4, !(caller?.visited.contains(path) ?? false), let callee = self.workflow(at: path) else {
                if depth >= 4 || (caller?.visited.contains(path) ?? false) {
                    log.add(Diagnostic(.warning, at: uses.location, "reusable workflow '\(uses.text)' calls itself or nests deeper than 4 levels; not followed"))
                }
                return
            }
            builder.declareLocalDefinition(callee.path, at: callee.location)
            // What this job passes is read from what it was passed itself: `secrets: inherit` hands
            // down exactly that, and an explicit mapping names the caller's own secrets.
            let inherits = job.secretsInherit && (caller?.inherit ?? true)
            let handed = job.secretsInherit ? (caller?.passed ?? [:]) : passed.mapValues { Self.resolve($0, through: caller) }
            let next = Caller(permissions: Self.permissions(of: job, in: workflow, caller: caller), inherit: inherits,
                              passed: handed, visited: (caller?.visited ?? []).union([workflow.path, path]),
                              topLevel: caller?.topLevel ?? Reference(workflow.path, at: job.location),
                              conditions: (caller?.conditions ?? []) + [condition].compactMap { $0 },
                              inputs: Self.callInputs(job, from: Self.inputs(of: workflow, caller: caller)),
                              ownTokenSecrets: job.secretsInherit ? caller?.ownTokenSecrets ?? []
                                : Set(job.passedSecrets.filter { OwnTokenUses.isOwnToken($0.value, passed: caller?.ownTokenSecrets ?? []) }.map { $0.key.uppercased() }),
                              requiredNeeds: (caller?.requiredNeeds ?? []) + Self.required(Self.needs(job, of: name), by: condition))
            for calleeJob in callee.jobs {
                importJob(calleeJob, in: callee, name: "\(name)/\(calleeJob.id)", events: events, caller: next, depth: depth + 1)
            }
            return
        }
        let parts = uses.text.split(separator: "@", maxSplits: 1).map(String.init)
        let repository = parts.first ?? uses.text
        let version = parts.count > 1 ? parts[1] : nil
        let pin = PinState.infer(fromVersion: version)
        model.definitions[uses.text] = Definition(name: uses.text, path: repository, owners: [],
                                                  source: .external(repository: repository, ref: version, pin: pin),
                                                  location: uses.location)
        var reads = SecretUses()
        for uses in passed.values { reads.merge(uses) }
        if job.secretsInherit {
            reads.everySecret = reads.everySecret ?? uses.location
            assumeInheritance(by: name, of: uses)
        }
        let secrets = resolvedSecrets(reads, job: name, through: caller)
        let hosted = declareRunner(labels: ["ubuntu-latest"], hosted: true, at: uses.location)
        assume(NodeID(.job, name), "the reusable workflow '\(uses.text)' runs on GitHub-hosted runners and executes repository code",
               settle: "import it as a local file, or describe it in a native model", at: uses.location)
        let permissions = Self.permissions(of: job, in: workflow, caller: caller)
        let oidc = permissions.map { $0.level("id-token") == "write" } ?? false
        if oidc {
            // What it signs in as, when the caller names the cloud role in the inputs the cloud's
            // own sign-in actions take: the called workflow mints its own OIDC token, with the
            // caller's claims (and its own `job_workflow_ref`), which a trust on this repository admits.
            for role in Self.cloudRoles(namedIn: job, file: workflow.file) {
                builder.addCloudRole(role.name, cloud: role.cloud, at: role.location)
                assume(NodeID(.job, name), "the reusable workflow '\(uses.text)' is taken to sign in to '\(role.cloud)' as '\(role.name)', which its caller names, with the OIDC token it may mint",
                       settle: "import it as a local file, or describe it in a native model", at: role.location)
            }
        }
        // This job's `if:` and its callers' must all hold: an outsider gets the worst of them.
        let conditions = (caller?.conditions ?? []) + [condition].compactMap { $0 }
        let outsider = events.filter(\.outsiderFires).map { use in
            conditions.map { ConditionAnalysis.verdict(of: $0.expression, on: use.event.name).verdict }.min() ?? .always
        }.max() ?? .always
        var called = Job(
            name: name, role: .other, definition: Reference(uses.text, at: uses.location), triggers: events.map(\.reference),
            runsOn: hosted, needs: Self.needs(job, of: name),
            guardCondition: Self.guardKind(outsider, conditioned: !conditions.isEmpty), secrets: secrets,
            token: tokenGrants(permissions, workflow: workflow, job: job, name: name), oidc: oidc,
            steps: [Step(name: "\(name)/\(uses.text)", uses: uses.text, kind: .reusableWorkflow, pin: pin, location: uses.location)],
            platform: .github, location: job.location)
        // Its run is the calling workflow's.
        called.calledFrom = caller?.topLevel ?? Reference(workflow.path, at: job.location)
        called.tokenUses = OwnTokenUses.uses(in: job, of: workflow, permissions: permissions, passed: caller?.ownTokenSecrets ?? [])
        model.jobs[name] = called
    }

    /// `secrets: inherit` hands a reusable workflow every secret only within the caller's
    /// organisation or enterprise (GitHub Docs, *Reusing workflows*); another owner's workflow
    /// gets them only if both are in one enterprise, which the files do not tell: taken so
    /// (pessimistic), and said about the calling job (not on the shared node of the secrets no
    /// workflow names, which other jobs' `toJSON(secrets)` reach too).
    mutating func assumeInheritance(by job: String, of uses: (text: String, location: SourceLocation)) {
        let owner = uses.text.split(separator: "/").first.map { $0.lowercased() } ?? ""
        let ours = model.repository.name == RepositoryIdentity.unnamed ? nil : model.repository.name.split(separator: "/").first?.lowercased()
        guard ours != owner else { return }
        let which = ours.map { "'\($0)'" } ?? "this repository's owner"
        assume(NodeID(.job, job), "'\(owner)' is taken to be in one organisation or enterprise with \(which), so `secrets: inherit` hands '\(uses.text)' every secret; GitHub hands a workflow of another enterprise or of a personal account none",
               settle: "pass the workflow the secrets it needs by name (`secrets: {NAME: ...}`) instead of `inherit`", at: uses.location)
    }

    /// The cloud roles a job that calls a reusable workflow names in its `with:`, under the
    /// inputs of the clouds' own sign-in actions (`service_account` or
    /// `workload_identity_provider` for Google Cloud, `role-to-assume` for AWS): literal values
    /// only, one role per cloud, named as the sign-in actions' roles are. A value from an
    /// expression names no role here; Azure's `client-id` is left out, since an input of that
    /// name is as often another service's client.
    static func cloudRoles(namedIn job: Workflow.Job, file: String) -> [(name: String, cloud: String, location: SourceLocation)] {
        let inputs = Dictionary((job.node.value("with")?.entries ?? []).map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        func literal(_ keys: [String]) -> (text: String, location: SourceLocation)? {
            for key in keys {
                if let node = inputs[key], let text = node.scalarText, !text.isEmpty, !text.contains("${{") { return (text, node.location(file)) }
            }
            return nil
        }
        var roles: [(name: String, cloud: String, location: SourceLocation)] = []
        if let gcp = literal(["service_account", "service-account", "workload_identity_provider", "workload-identity-provider"]) {
            roles.append((gcp.text, "gcp-project", gcp.location))
        }
        if let aws = literal(["role-to-assume", "role_to_assume"]) { roles.append((aws.text, "aws-account", aws.location)) }
        return roles
    }

    /// How an outsider's best verdict on a job reads as the model's guard.
    static func guardKind(_ verdict: ConditionVerdict, conditioned: Bool) -> Job.Guard {
        switch verdict {
        case .never: .sound
        case .needsMaintainer: .label
        case .attackerCanSatisfy: conditioned ? .spoofable : .none
        case .always: .none
        }
    }

    // MARK: Secrets

    /// The secrets a job reads (in any step, env, with or if, and the workflow's env), from the
    /// expressions' syntax trees, resolved through what a caller passes.
    mutating func secretReferences(_ job: Workflow.Job, workflow: Workflow, name: String, caller: Caller?) -> [Reference] {
        let key = Self.definitionKey(job, in: workflow)
        if let cached = secretReads[key] { return resolvedSecrets(cached, job: name, through: caller) }
        let matrix = job.node.matrixValues
        var reads = SecretUses()
        for found in expressions(in: job, of: workflow) { reads.collect(found.expression, at: found.location, matrix: matrix) }
        if let env = workflow.root.value("env") {
            for found in ExpressionScanner(file: workflow.file).expressions(in: env, diagnostics: &log) {
                reads.collect(found.expression, at: found.location, matrix: matrix)
            }
        }
        addCommittedCredentials(in: job, workflow: workflow, reads: &reads)
        secretReads[key] = reads
        everyRead.merge(reads)
        return resolvedSecrets(reads, job: name, through: caller)
    }

    /// `workflow#job`: a job definition, as the analyses done once per definition key what they keep.
    static func definitionKey(_ job: Workflow.Job, in workflow: Workflow) -> String { "\(workflow.path)#\(job.id)" }

    /// Every expression written in the job's definition, scanned once per definition.
    mutating func expressions(in job: Workflow.Job, of workflow: Workflow) -> [ExpressionScanner.Found] {
        let key = Self.definitionKey(job, in: workflow)
        if let cached = jobExpressions[key] { return cached }
        let found = ExpressionScanner(file: workflow.file).expressions(in: job.node, diagnostics: &log)
        jobExpressions[key] = found
        return found
    }

    /// `secrets:` a job passes to a reusable workflow: callee name -> what the caller's value reads.
    mutating func passedSecrets(_ job: Workflow.Job, workflow: Workflow) -> [String: SecretUses] {
        let scanner = ExpressionScanner(file: workflow.file)
        let matrix = job.node.matrixValues
        var result: [String: SecretUses] = [:]
        for entry in job.node.value("secrets")?.entries ?? [] {
            var uses = SecretUses()
            for found in scanner.expressions(inScalar: entry.value, diagnostics: &log) {
                uses.collect(found.expression, at: found.location, matrix: matrix)
            }
            result[entry.key.lowercased()] = uses
        }
        return result
    }

    /// What a job reads as the repository's secrets: directly, through `secrets: inherit`, or
    /// through the names its caller maps. Every secret, when the job reads them all.
    mutating func resolvedSecrets(_ reads: SecretUses, job name: String, through caller: Caller?) -> [Reference] {
        let resolved = Self.resolve(reads, through: caller)
        for (secret, location) in resolved.names.sorted(by: { $0.key < $1.key }) where referencedSecrets[secret] == nil {
            referencedSecrets[secret] = location
        }
        if let location = resolved.everySecret, everySecretJobs[name] == nil { everySecretJobs[name] = location }
        return resolved.names.sorted { $0.key < $1.key }.map { Reference($0.key, at: $0.value) }
    }

    /// A reusable workflow's secret reads as its caller's: the same names through `secrets:
    /// inherit`, the caller's expressions through an explicit mapping, nothing otherwise.
    static func resolve(_ reads: SecretUses, through caller: Caller?) -> SecretUses {
        guard let caller, !caller.inherit else { return reads }
        var resolved = SecretUses()
        for callee in reads.names.keys.sorted() {
            if let passed = caller.passed[callee.lowercased()] { resolved.merge(passed) }
        }
        if reads.everySecret != nil { for passed in caller.passed.values.sorted(by: { $0.names.keys.sorted().lexicographicallyPrecedes($1.names.keys.sorted()) }) { resolved.merge(passed) } }
        return resolved
    }

    /// Passwords written in `credentials:` blocks and token literals: secrets whoever reads the
    /// repository reads.
    mutating func addCommittedCredentials(in job: Workflow.Job, workflow: Workflow, reads: inout SecretUses) {
        var blocks: [Yams.Node] = []
        if let credentials = job.node.value("container")?.value("credentials") { blocks.append(credentials) }
        for service in job.node.value("services")?.entries ?? [] {
            if let credentials = service.value.value("credentials") { blocks.append(credentials) }
        }
        var found: [(String, SourceLocation)] = []
        for block in blocks {
            if let password = block.value("password"), let text = password.scalarText, !text.isEmpty, !text.contains("${{") {
                found.append(("password", password.location(workflow.file)))
            }
        }
        var budget = ExpressionScanner.budget
        job.node.forEachScalar(budget: &budget) { text, node in
            if !TextSearch.contains(text, "${{"), let kind = CommittedTokens.kind(in: text) { found.append((kind, node.location(workflow.file))) }
        }
        for (kind, location) in found {
            let name = "\(kind)@\(workflow.path):\(location.line)"
            if model.secrets[name] == nil {
                model.secrets[name] = Secret(name: name, environment: nil, protectedBranchesOnly: false, carries: nil, criticality: .high,
                                             production: false, committed: true, platform: .github, location: location)
                assume(NodeID(.secret, name), "the \(kind) written in the workflow is a live credential; what it opens is unknown, so it counts as high",
                       settle: "store it as an encrypted secret, reference it with `${{ secrets.NAME }}`, and rotate it", at: location)
            }
            reads.names[name] = reads.names[name] ?? location
        }
    }

    /// Declares every referenced secret the context file does not, as repository-wide.
    mutating func declareSecrets(context: PipelineModel?) {
        let (keys, tokens, uploads, appKeys, reads) = (staticKeySecrets, githubTokenSecrets, registryTokenSecrets, githubAppKeys, everyRead)
        builder.declareFoundSecrets(referencedSecrets, platform: .github,
                                    scope: { "secret '\($0)' is defined at repository level, so any job that names it receives it" },
                                    settle: "declare it under `secrets:` in firebreak.context.yml with its `environment:` (and what it `carries:`)",
                                    namedOnly: true) { builder, name in
            if let key = keys[name] {
                if key.cloud == CloudKeyVariables.compatibleStorage {
                    _ = builder.assume(NodeID(.secret, name), CloudKeyVariables.compatibleStorageStatement(name), settle: CloudKeyVariables.compatibleStorageSettle, at: key.location)
                }
                return builder.addStaticKey(key.identity, cloud: key.cloud, at: key.location)
            }
            if let used = tokens[name] {
                let elsewhere = githubTokensHere.contains(name) ? [] : (githubTokenElsewhere[name] ?? []).sorted()
                return builder.addGitHubToken(for: name, at: used, appKey: appKeys.contains(name), optional: reads.alwaysFallsBack(name), elsewhere: elsewhere)
            }
            if let upload = uploads[name] {
                return builder.addRegistryToken(secret: name, registry: upload.registry, job: upload.job, variable: upload.variable, at: upload.location)
            }
            return nil
        }
        // A secret that names a credential beside it, unless some step takes it for a credential:
        // a key alone, a token, a registry's or a signing tool's, or the credential of a pair
        // (a login's password elsewhere, or its own user name too).
        for (secret, identifier) in identifierSecrets.sorted(by: { $0.key < $1.key })
        where staticKeySecrets[secret] == nil && githubTokenSecrets[secret] == nil && registryTokenSecrets[secret] == nil
            && signingKeySecrets[secret] == nil && !pairedCredentials.contains(secret) {
            builder.rate(identifier, context: context)
        }
        // A signing tool's key, where no context file rates it.
        for (name, key) in signingKeySecrets.sorted(by: { $0.key < $1.key }) where context?.secrets[name]?.criticality == nil {
            guard var secret = model.secrets[name], secret.carries == nil, secret.criticality != .critical else { continue }
            builder.revalue(&secret, as: .critical, because: SigningVariables.statement(secret: name, variable: key.variable, tool: key.tool), at: key.location)
        }
        guard let first = everySecretJobs.values.min() else { return }
        let every = SecretUses.everySecretName
        if model.secrets[every] == nil {
            model.secrets[every] = Secret(name: every, environment: nil, protectedBranchesOnly: false, carries: nil, criticality: .high,
                                          production: false, platform: .github, location: first)
            assume(NodeID(.secret, every), "some jobs read every secret of the repository (`toJSON(secrets)`, `secrets: inherit`, a computed name); the secrets no workflow names are unknown, so this node stands for them",
                   settle: "pass a reusable workflow only the secrets it needs, and name secrets explicitly", at: first)
        }
        let all = model.secrets.values.filter { !$0.committed && $0.platform != .gitlab }.map(\.name).sorted()
        for (name, location) in everySecretJobs.sorted(by: { $0.key < $1.key }) {
            guard var job = model.jobs[name] else { continue }
            let named = Set(job.secrets.map(\.name))
            job.secrets += all.filter { !named.contains($0) }.map { Reference($0, at: location) }
            model.jobs[name] = job
        }
    }
}
