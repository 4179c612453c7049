import FirebreakModel
import Foundation
import Yams

extension GitLabBuilder {
    static let sharedRunner = "gitlab-shared"

    /// The variables that hold the job's own token: `CI_JOB_TOKEN`, and the registry and
    /// dependency proxy logins GitLab makes of it (GitLab Docs, *Predefined CI/CD variables*).
    static let jobTokenVariables: Set<String> = ["CI_JOB_TOKEN", "CI_REGISTRY_PASSWORD", "CI_DEPENDENCY_PROXY_PASSWORD"]
    /// The AWS CLI, where a command starts.
    static let awsCommand = CommandPhrases(["aws"])

    mutating func importJob(_ name: String, _ job: SourcedMapping, stage: Int, producers: [(name: String, mapping: SourcedMapping, stage: Int)],
                            all: [(name: String, mapping: SourcedMapping, stage: Int)], workflow: GitLabRuns?,
                            fileVariables: Set<String>, referenced: inout [String: SourceLocation]) {
        let location = config.jobLocations[name] ?? .implicit(builder.file(GitLabCIImporter.fileName))
        let runs = runs(of: job, workflow: workflow)
        guard !runs.isEmpty else { return }
        // Its name in the model: a child pipeline's jobs are named after the job that starts it.
        let id = prefix + name
        let triggers = declareTriggers(runs, at: job["rules"]?.location ?? job["only"]?.location ?? job["except"]?.location ?? location)

        // Scripts and the variables they use.
        let scriptLines = ["before_script", "script", "after_script"].flatMap { lines(job[$0]) }
        var texts = scriptLines.map(\.text)
        let ownVariables = job["variables"]?.node.gitlabEntries ?? []
        // A variable the job's own variables pass on may be a credential; one that only names
        // its image or environment (`image: ${FDO_DISTRIBUTION_IMAGE}`) is not: the runner
        // pulls the image by it, and the job log prints it.
        texts += ownVariables.compactMap { GitLabJobVariables.text(of: $0.value) }
        var names = Set<String>(), assigned = Set<String>()
        for text in texts {
            if scannedTexts[text] == nil { scannedTexts[text] = GitLabVariables.referenced(in: [text]) }
            names.formUnion(scannedTexts[text]!.referenced)
            assigned.formUnion(scannedTexts[text]!.assigned)
        }
        // The job's variables over the file's: the runner puts them into the image's name, and the cache's key and policy.
        let variables = GitLabJobVariables(global: config.top["variables"]?.node, job: job["variables"]?.node,
                                           inherit: job["inherit"]?.node.value("variables"))
        // An AWS key opens another provider's storage where the job points the tools at its endpoint.
        // The AWS CLI reads the key from the environment unnamed, and a project variable reaches every job.
        let runsAWS = Self.awsCommand.occur(in: ShellWords(scriptLines.map(\.text).joined(separator: "\n")), atCommandStart: true)
        let awsKeys = names.union(runsAWS ? ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] : [])
        let awsCloud = awsKeys.isEmpty ? nil : CloudKeyVariables.awsCloud(env: variables.texts, scripts: scriptLines.map(\.text))
        for variable in awsKeys where CloudKeyVariables.cloud(of: variable) == CloudKeyVariables.awsAccount {
            awsKeyClouds[variable, default: []].insert(awsCloud!)
        }
        // `parallel: matrix:` names variables the job's copies are given, not secrets.
        let matrixKeys = (job["parallel"]?.node.value("matrix")?.items ?? []).flatMap { $0.entries.map(\.key) }
        let defined = fileVariables.union(ownVariables.map(\.key)).union(assigned).union(matrixKeys)
        // Where a script names it, else a variable of the job's that is set from it.
        let variableValues = job["variables"].map { mapping in
            ownVariables.map { entry in (text: GitLabJobVariables.text(of: entry.value) ?? "", location: entry.value.location(mapping.file)) }
        } ?? []
        for variable in awsKeys.subtracting(defined).sorted() where !GitLabVariables.isPredefined(variable) {
            let place = (scriptLines.first { $0.text.contains(variable) } ?? variableValues.first { $0.text.contains(variable) })
                .map { scriptPlace(of: variable, in: $0) } ?? location
            namedVariables[id, default: []].append(Reference(variable, at: place))
            if names.contains(variable), referenced[variable] == nil { referenced[variable] = place }
        }

        // Where it runs and what it pulls in.
        // GitLab puts CI/CD variables into a job's tags (`tags: [$RUNNER_TAG]`): the file's own values here.
        let runner = declareRunner(tags: lines(job["tags"]).map { variables.expand($0.text) }, at: job["tags"]?.location ?? location)
        var steps: [Step] = []
        var images: [(image: String, pin: PinState, location: SourceLocation)] = []
        for key in ["image", "services"] {
            guard let value = job[key] else { continue }
            let named = value.node.scalarText.map { [$0] } ?? value.node.value("name")?.scalarText.map { [$0] }
                ?? value.node.items.compactMap { $0.scalarText ?? $0.value("name")?.scalarText }
            for image in named.map(variables.expand) {
                let pin = ImageReference(image).pin
                // An image of the project's own registry is no third party's code: whoever pushes
                // there moves it (a consumption of the registry's image, below).
                if !isProjectRegistryImage(image) {
                    steps.append(Step(name: "\(id)/\(image)", uses: image, kind: .image, pin: pin, location: value.location))
                }
                images.append((image, pin, value.location))
            }
        }

        // Code the scripts download and run, or clone.
        for fetch in FetchedCode.fetches(in: scriptLines.map(\.text).joined(separator: "\n"), repository: model.repository.name) {
            let at = scriptLines.first { $0.text.contains(fetch.url) }?.location ?? location
            let step = Step(name: "\(id)/\(fetch.url)", uses: fetch.url, kind: .script, pin: fetch.pin, location: at)
            steps.append(step)
            if let revision = fetch.variableRevision {
                builder.assume(step.id, FetchedCode.variableRevisionStatement(fetch.url, revision), settle: FetchedCode.variableRevisionSettle, at: at)
            }
            if let command = fetch.variableCommand {
                builder.assume(step.id, FetchedCode.variableCommandStatement(fetch.url, command), settle: FetchedCode.variableCommandSettle, at: at)
            }
        }
        // A variable in the address the scripts push the project to holds a token that writes it.
        for variable in GitLabPushTokens.variables(in: scriptLines.map(\.text).joined(separator: "\n"), project: model.repository.name)
        where pushTokenVariables[variable] == nil {
            pushTokenVariables[variable] = scriptLines.first { $0.text.contains(variable) }.map { scriptPlace(of: variable, in: $0) } ?? location
        }

        // Tools the scripts install from a registry by name, each once, where it is first installed.
        for line in scriptLines {
            // With the file's variables put in (`$pip install bandit`, `pip: pip3 --timeout 100`).
            let text = line.text.contains("$") ? variables.expand(line.text) : line.text
            for install in ToolInstalls.installs(in: text) where !steps.contains(where: { $0.name == "\(id)/\(install.uses)" }) {
                let at = scriptPlace(of: install.name, in: line) { ToolInstalls.offset(of: install.name, in: $0) }
                let step = Step(name: "\(id)/\(install.uses)", uses: install.uses, kind: .package, pin: install.pin, location: at)
                steps.append(step)
                if install.constraints != nil {
                    builder.assume(step.id, ToolInstalls.constraintsStatement(install), settle: ToolInstalls.constraintsSettle(install), at: at)
                }
            }
        }

        // Environment and deployment.
        var environment: Reference?
        var deploys = false
        if let env = job["environment"] {
            let envName = env.node.scalarText ?? env.node.value("name")?.scalarText
            let action = env.node.value("action")?.scalarText ?? "start"
            if let envName {
                environment = builder.declareEnvironment(envName, at: env.location, platform: .gitlab)
                if env.node.value("deployment_tier")?.scalarText == "production", var declared = model.environments[envName], !declared.production {
                    declared.production = true
                    model.environments[envName] = declared
                }
                deploys = action == "start"
            }
        }
        var evidence = JobRoles.Evidence(scripts: scriptLines.map(\.text), deploysThroughEnvironment: deploys && environment != nil)
        // A CI/CD variable the job hands a registry's upload tool in the tool's own variable
        // (`CARGO_REGISTRY_TOKEN: $CRATES_KEY`) is that registry's upload token, and the job uploads there.
        var handed: [String: (registry: String, variable: String)] = [:]
        for entry in ownVariables {
            guard let registry = RegistryVariables.registry(of: entry.key),
                  let text = GitLabJobVariables.text(of: entry.value) else { continue }
            let secrets = GitLabVariables.referenced(in: [text]).referenced.filter { !GitLabVariables.isPredefined($0) }
            for variable in secrets { handed[variable] = (registry, entry.key) }
            if !secrets.isEmpty { evidence.registriesByToolVariable.insert(registry) }
        }
        // A job named `pages` (or with `pages:`) publishes the project's GitLab Pages site from
        // whatever ref runs it: its run decides what the site serves.
        let pages = name == "pages" || (job["pages"].map { $0.node.scalarText != "false" } ?? false)
        var role = JobRoles.role(evidence)
        if pages, role == .other || role == .build || role == .test { role = .deploy }
        var token = [Grant(target: model.repository.id, level: .read, location: location)]
        let site = pages ? builder.declarePagesSite(at: job["pages"]?.location ?? location) : nil
        if role == .release {
            let registries = JobRoles.registries(evidence)
            if let idTokens = job["id_tokens"] {
                token += builder.trustedPublishingGrants(registries, job: id, token: "`id_tokens:`", at: idTokens.location)
            }
            // A variable named for the registry the job uploads to is its upload token.
            for variable in names.subtracting(defined).sorted() where registryVariables[variable] == nil {
                let at = scriptLines.first { $0.text.contains(variable) }?.location ?? job["variables"]?.location ?? location
                if let tool = handed[variable] {
                    registryVariables[variable] = (tool.registry, id, tool.variable, at)
                } else if let registry = JobRoles.registryToken(variable, publishingTo: registries) {
                    registryVariables[variable] = (registry, id, nil, at)
                }
            }
        }

        // Artifacts: produced when declared; consumed from `dependencies`, `needs`, or every earlier stage.
        var produces: [Reference] = []
        if job["artifacts"] != nil { produces = [Reference("\(id) artifacts", at: job["artifacts"]!.location)] }
        // GitLab publishes the pages job's own `public` folder, from its artifacts, once the job
        // succeeds: the run deploys what it made (no token does; the site stays until the next).
        if site != nil, produces.isEmpty { produces = [Reference("\(id) artifacts", at: location)] }
        var sources: [String]
        if let dependencies = job["dependencies"] { sources = dependencies.node.texts }
        else if let needs = job["needs"] {
            sources = needs.node.items.compactMap { item in
                if let text = item.scalarText { return text }
                if item.value("artifacts")?.scalarText == "false" { return nil }
                return item.value("job")?.scalarText
            }
        } else {
            // Every earlier stage's job that may run in a pipeline this one runs in (GitLab Docs,
            // *dependencies*: by default, the artifacts of all jobs of earlier stages of the pipeline).
            let own = job["rules"] != nil ? runs : nil
            sources = producers.filter { producer in
                producer.stage < stage && (jobRuns[producer.name].flatMap { theirs in own.map { theirs.mayShareAPipeline(with: $0) } } ?? true)
            }.map(\.name)
        }
        // Artifacts kept only when their job fails reach only a job that runs after a failure.
        let whens = [job["when"]?.node.scalarText] + (job["rules"]?.node.items.map { $0.value("when")?.scalarText } ?? [])
        let afterFailure = whens.contains { $0 == "always" || $0 == "on_failure" }
        let producing = Set(producers.filter { afterFailure || Self.handsOnArtifacts($0.mapping) }.map(\.name))
        sources = sources.map { Self.matrixJob(named: $0, among: producing) }
        let script = scriptLines.map(\.text).joined(separator: "\n")
        var consumes = sources.filter { producing.contains($0) }.sorted().map { source -> Job.Consumption in
            let artifact = Reference("\(prefix)\(source) artifacts", at: job["dependencies"]?.location ?? job["needs"]?.location ?? location)
            // GitLab restores an earlier job's artifacts into this job's project folder at their
            // paths: a command inside them, a tool handed one of their files, or an archive of
            // them unpacked where git runs runs that job's code here.
            if let reading = DownloadRun.reading(Self.artifactFolders(producers.first { $0.name == source }?.mapping), in: [script]) {
                var consumption = Job.Consumption(artifact: artifact, use: .run, verifies: false, deploysTo: nil, canaryPercent: nil, location: artifact.location)
                consumption.how = reading.how
                return consumption
            }
            // What the pages job asks for by name (`needs:`, `dependencies:`) is what its `public`
            // folder is made of, which GitLab publishes; of what every earlier stage leaves it
            // unasked, an artifact whose paths hold `public` is (the build wrote the site).
            let asked = job["dependencies"] != nil || job["needs"] != nil
            if let site, asked || Self.holdsPublicFolder(producers.first { $0.name == source }?.mapping) {
                return Job.Consumption(artifact: artifact, use: .deploy, verifies: false, deploysTo: Reference(site.name, at: artifact.location),
                                       canaryPercent: nil, location: artifact.location)
            }
            if deploys, let environment, role == .deploy || role == .release {
                let target = builder.declareDeployTarget(for: environment, page: job["environment"]?.node.value("url")?.scalarText)
                return Job.Consumption(artifact: artifact, use: .deploy, verifies: false, deploysTo: target, canaryPercent: nil, location: artifact.location)
            }
            return Job.Consumption(artifact: artifact, use: .data, verifies: false, deploysTo: nil, canaryPercent: nil, location: artifact.location)
        }
        // A deploy job whose scripts hand over its own job token (`CI_JOB_TOKEN`, or the registry
        // login GitLab makes of it) may deploy with it, which every run of the job holds, a side
        // branch's too: its token writes the environment's target, unless the environment's page
        // is another registry's (Docker Hub, PyPI), which no GitLab job token opens.
        let page = job["environment"]?.node.value("url")?.scalarText
        if deploys, let environment, role == .deploy || role == .release, page.flatMap(RegistryPages.registry(ofPage:)) == nil,
           let handing = scriptLines.first(where: { scannedTexts[$0.text]?.referenced.isDisjoint(with: Self.jobTokenVariables) == false }) {
            let target = builder.declareDeployTarget(for: environment, page: page)
            token.append(Grant(target: NodeID(.resource, target.name), level: .write, location: handing.location))
        }
        if let site, let own = produces.first {
            consumes.append(Job.Consumption(artifact: own, use: .deploy, verifies: false, deploysTo: Reference(site.name, at: own.location),
                                            canaryPercent: nil, location: own.location))
        }
        consumes += projectRegistryImages(job: id, images: images, scripts: scriptLines,
                                          publishes: role == .release && JobRoles.registries(evidence).contains("container-registry"))
        for artifact in produces where model.artifacts[artifact.name] == nil {
            model.artifacts[artifact.name] = Artifact(name: artifact.name, store: nil, signed: false, criticality: nil, location: artifact.location)
        }

        // Caches are kept apart for protected and unprotected refs, and by key as the job expands it.
        var restores: [Reference] = [], saves: [Reference] = []
        if let cache = dereferenced(job["cache"]) {
            let entries = cacheEntries(cache)
            let scopes = cacheScopes(runs)
            let stage = job["stage"]?.node.scalarText ?? "test"
            for sourced in entries {
                let node = sourced.node
                guard let entry = GitLabCacheEntry(node, job: name, stage: stage, variables: variables.texts) else { continue }
                for scope in scopes {
                    let cacheName = "\(entry.key) (\(scope))"
                    if model.caches[cacheName] == nil {
                        model.caches[cacheName] = Cache(name: cacheName, key: entry.key, criticality: nil,
                                                        scope: scope == "protected" ? .protected : .unprotected, location: node.location(sourced.file))
                    }
                    let reference = Reference(cacheName, at: node.location(sourced.file))
                    if entry.policy != "push" { restores.append(reference) }
                    if entry.policy != "pull" { saves.append(reference) }
                }
            }
        }

        let jobNames = Set(all.map(\.name))
        let needs = (job["needs"]?.node.items ?? []).compactMap { $0.scalarText ?? $0.value("job")?.scalarText }
            .map { Self.matrixJob(named: $0, among: jobNames) }.filter(jobNames.contains).map { Reference(prefix + $0, at: job["needs"]!.location) }
        var modelJob = Job(
            name: id, role: role, definition: Reference(config.jobFiles[name] ?? GitLabCIImporter.fileName, at: location), triggers: triggers,
            runsOn: runner, environment: environment, needs: needs, runsRepositoryCode: !scriptLines.isEmpty,
            installsDependencies: scriptLines.contains { PackageInstalls.occur(in: $0.text) },
            token: token,
            oidc: job["id_tokens"] != nil, produces: produces, consumes: consumes, restoresCaches: restores, savesCaches: saves,
            steps: steps, platform: .gitlab, manual: runs.byHand, location: location)
        // A job written in an included file runs in the pipeline of the top-level file, which its
        // ID token's claims name (`ci_config_ref_uri`).
        if modelJob.definition?.name != GitLabCIImporter.fileName { modelJob.calledFrom = Reference(GitLabCIImporter.fileName, at: location) }
        model.jobs[id] = modelJob
    }

    /// Shared triggers for the pipelines a job runs in.
    mutating func declareTriggers(_ runs: GitLabRuns, at location: SourceLocation) -> [Reference] {
        var result: [Reference] = []
        func add(_ name: String, _ event: Trigger.Event, branches: [String] = [], protectedTagsOnly: Bool = false) {
            if model.triggers[name] == nil {
                model.triggers[name] = Trigger(name: name, event: event, branches: branches, fromForks: event.isRequestEvent,
                                               protectedTagsOnly: protectedTagsOnly, location: location)
            }
            result.append(Reference(name, at: location))
        }
        var branches = runs.branches.map { $0 == "$CI_DEFAULT_BRANCH" ? model.repository.defaultBranch : $0 }
        if runs.protectedOnly {
            let protected = model.branches.values.filter(\.isProtected).map(\.name)
            branches = branches.contains("*") ? (protected.isEmpty ? [model.repository.defaultBranch] : protected.sorted())
                : branches.filter { model.isProtected(branch: $0) || $0 == model.repository.defaultBranch }
        }
        if !branches.isEmpty { add("gitlab push \(branches.sorted().joined(separator: ","))", .push, branches: branches.contains("*") ? [] : branches) }
        if runs.tags { runs.protectedTagsOnly ? add("gitlab protected tag", .tag, protectedTagsOnly: true) : add("gitlab tag", .tag) }
        if runs.mergeRequests { add("gitlab merge_request", .mergeRequest) }
        if runs.schedules { add("gitlab schedule", .schedule) }
        if runs.manual { add("gitlab web", .manual, branches: branches.contains("*") || branches.isEmpty ? [] : branches) }
        return result
    }

    /// GitLab keeps separate caches for protected and unprotected refs; a job uses the scopes of
    /// the refs it runs on. Tags are unprotected unless a rule protects them, which GitLab does
    /// not by default: a tag's pipeline shares the unprotected cache, unless the job runs only
    /// for protected tags. A pipeline run by hand may be for any branch, protected or not.
    func cacheScopes(_ runs: GitLabRuns) -> [String] {
        let unprotectedTags = runs.tags && !runs.protectedTagsOnly
        let unprotected = runs.mergeRequests || (!runs.protectedOnly && (unprotectedTags || runs.manual))
            || (!runs.protectedOnly && runs.branches.contains { !model.isProtected(branch: $0 == "$CI_DEFAULT_BRANCH" ? model.repository.defaultBranch : $0) || $0 == "*" })
        let protected = runs.protectedOnly || runs.schedules || runs.manual || (runs.tags && runs.protectedTagsOnly)
            || runs.branches.contains { $0 == "*" || $0 == "$CI_DEFAULT_BRANCH" || model.isProtected(branch: $0) }
        return (protected ? ["protected"] : []) + (unprotected ? ["unprotected"] : [])
    }

    /// Untagged jobs go to the instance's shared runners; tags select a pool the context describes,
    /// or a self-hosted pool assumed persistent.
    mutating func declareRunner(tags: [String], at location: SourceLocation) -> Reference {
        guard !tags.isEmpty else {
            return builder.hostedRunner(Self.sharedRunner, labels: [], platform: .gitlab, at: location,
                                        assuming: "untagged jobs run on the instance's shared runners, a fresh machine per job",
                                        settle: "describe the shared runners under `runners:` in firebreak.context.yml if they are your own")
        }
        // `saas-linux-small-amd64`, `saas-macos-medium-m1`, `saas-windows-medium-amd64`: GitLab.com's
        // hosted runners, a fresh virtual machine per job.
        if tags.allSatisfy({ $0.hasPrefix("saas-") }) {
            return builder.providerRunner("GitLab", labels: tags, platform: .gitlab, at: location)
        }
        return builder.selfHostedRunner(labels: tags, platform: .gitlab, at: location)
    }

    /// Where the file writes a piece of a job's script item (`GitLabScriptPlace`), read in the
    /// lines of the item's own file.
    func scriptPlace(of piece: String, in item: (text: String, location: SourceLocation), offset: ((Substring) -> Int?)? = nil) -> SourceLocation {
        GitLabScriptPlace.place(of: piece, in: item, lines: config.sourceLines[item.location.file], offset: offset)
    }

    /// Whether a job's artifacts reach the jobs after it that run on success: not those kept
    /// only when it fails (`artifacts: when: on_failure`), since a failed job stops the later
    /// stages and the jobs that need it, unless it may fail (`allow_failure:`). GitLab Docs,
    /// `artifacts:when`, `allow_failure`.
    static func handsOnArtifacts(_ job: SourcedMapping) -> Bool {
        guard let artifacts = job["artifacts"] else { return false }
        guard artifacts.node.value("when")?.scalarText == "on_failure" else { return true }
        guard let allowed = job["allow_failure"]?.node else { return false }
        return allowed.isMapping || allowed.scalarText == "true"
    }

    // MARK: Includes and variables

    /// The folders and files a job's `artifacts: paths:` name, as a script would write them: a
    /// glob's folder (`dist` of `dist/*.whl`), no trailing `/`; not the whole project folder, nor
    /// one a variable names.
    static func artifactFolders(_ job: SourcedMapping?) -> [String] {
        let paths = job?["artifacts"]?.node.value("paths")?.items.compactMap(\.scalarText) ?? []
        return paths.compactMap { path -> String? in
            var folder = path.prefix { !"*?[".contains($0) }
            // A glob inside a name (`build/app-*.tar`) leaves the folder it is in.
            if folder.count < path.count, !folder.hasSuffix("/") { folder = folder.lastIndex(of: "/").map { folder[..<$0] } ?? "" }
            while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
            while folder.hasSuffix("/") { folder = folder.dropLast() }
            let name = String(folder)
            return name.contains("$") || ActionsKnowledge.sharedFolders.contains(name) ? nil : name
        }
    }

    /// Whether a job's `artifacts: paths:` hold the `public` folder GitLab Pages serves.
    static func holdsPublicFolder(_ job: SourcedMapping?) -> Bool {
        let paths = job?["artifacts"]?.node.value("paths")?.items.compactMap(\.scalarText) ?? []
        return paths.contains { ["public", "public/", "./public", "./public/"].contains($0) }
    }

    /// Includes from other projects, remote URLs, templates and components: third-party
    /// definitions that can add or change any job, modelled as a job of their own that runs in
    /// every pipeline with every variable.
    /// `childOf`: the job whose child pipeline they make up, where they run instead of in every pipeline.
    /// `mergingInto`: the pipeline's own jobs, into which GitLab merges what an included file
    /// writes (its `default:`, `variables:` and jobs of the same name) where they leave it unset:
    /// whoever moves a file included by a tag or branch decides part of what each of them runs.
    mutating func importExternalIncludes(triggers: [String], childOf parent: String? = nil, mergingInto pipelineJobs: [String] = []) {
        guard !triggers.isEmpty, !config.externalIncludes.isEmpty else { return }
        // Their jobs take the file's `default: tags:` as the others do, with its variables put in.
        let defaultTags = config.top["default"].flatMap { defaults in defaults.node.value("tags").map { Sourced(node: $0, file: defaults.file) } }
        let fileVariables = GitLabJobVariables(global: config.top["variables"]?.node, job: nil, inherit: nil)
        let includedTags = lines(defaultTags).map { fileVariables.expand($0.text) }
        // The includes whose jobs are not read: where a job some input names may come from.
        let unread = config.externalIncludes.filter { include in
            GitLabKnownComponent.named(include) == nil
                && !(include.name.hasPrefix("template:") && Self.readsOnly(template: String(include.name.dropFirst("template:".count))))
        }
        for include in config.externalIncludes {
            // GitLab's own templates ship with the GitLab release: no third party moves them. The
            // scanners' and `Workflows/` ones add jobs that only read the code, or none; others
            // (Auto-DevOps, deploy, Terraform, Pages) add jobs that run it, modelled here.
            let template = include.name.hasPrefix("template:")
            if template, Self.readsOnly(template: String(include.name.dropFirst("template:".count))) { continue }
            let pin: PinState = template ? .digest : PinState.infer(fromVersion: include.ref)
            model.definitions[include.name] = Definition(name: include.name, path: include.source, owners: [],
                                                         source: .external(repository: include.source, ref: include.ref, pin: pin),
                                                         location: include.location)
            // A component Firebreak knows adds the job its published file describes.
            if parent == nil, let known = GitLabKnownComponent.named(include) {
                importKnownComponent(known, include: include, pin: pin, unread: unread, triggers: triggers, runnerTags: includedTags)
                continue
            }
            if pin.isMutable {
                for job in pipelineJobs { model.jobs[job]?.mergedDefinitions.append(Reference(include.name, at: include.location)) }
            }
            let runner = declareRunner(tags: includedTags, at: include.location)
            let name = "\(prefix)included:\(include.name)"
            // An input that names a job of the pipeline (`dist-job-name: dist`) hands the included
            // jobs that job: taken as a `needs:` on it, with its artifacts taken in.
            let named = Set(include.inputs.values.filter { model.jobs[prefix + $0] != nil }).sorted()
            let consumes = named.map { "\(prefix)\($0) artifacts" }.filter { model.artifacts[$0] != nil }.map { artifact in
                Job.Consumption(artifact: Reference(artifact, at: include.location), use: .data, verifies: false, deploysTo: nil,
                                canaryPercent: nil, location: include.location)
            }
            model.jobs[name] = Job(
                name: name, role: .other, definition: Reference(include.name, at: include.location),
                triggers: triggers.map { Reference($0, at: include.location) }, runsOn: runner,
                needs: named.map { Reference(prefix + $0, at: include.location) },
                token: [Grant(target: model.repository.id, level: .read, location: include.location)], consumes: consumes,
                steps: [Step(name: "\(name)/\(include.name)", uses: include.name, kind: .template, pin: pin, location: include.location)],
                platform: .gitlab, manual: parentRuns?.byHand ?? false, location: include.location)
            // Another project's file, a remote URL, a component or GitLab's template is not
            // fetched: what its jobs do is unknown, and said where a path goes through it.
            let adds = template ? "GitLab's template '\(include.name.dropFirst("template:".count))' adds" : "'\(include.name)' adds"
            let handed = named.isEmpty ? "" : "; its inputs hand it job\(named.count == 1 ? "" : "s") \(named.map { "'\($0)'" }.joined(separator: ", ")), whose artifacts it is taken to take in (what it does with them, such as publishing a release, is not read)"
            let runs = parent.map { "runs in the child pipeline job '\($0)' starts, where that job runs," } ?? "runs in every pipeline"
            let merges = pin.isMutable && !pipelineJobs.isEmpty
                ? "; GitLab merges what it writes (`default:`, `variables:`, jobs of the same name) into the pipeline's jobs where they leave it unset, so whoever moves it changes what each of them runs" : ""
            builder.assume(NodeID(.job, name), "the jobs that \(adds) are not read: it is taken to add one job that \(runs) with the variables the pipeline's ref receives and reads the repository; what its jobs publish or deploy, and which tokens they mint, is unknown\(handed)\(merges)",
                           settle: "read the included file and describe its jobs in a native model (docs/model-format.md)", at: include.location)
        }
    }

    /// Whether a GitLab template adds only jobs that read the code (the security scanners, code
    /// quality) or pipeline rules (`Workflows/`).
    static func readsOnly(template: String) -> Bool {
        template.hasPrefix("Workflows/") || template.hasPrefix("Security/")
            || ["Code-Quality", "SAST", "Secret-Detection", "Dependency-Scanning", "Container-Scanning", "License-Scanning",
                "Coverage-Fuzzing", "DAST", "API-Fuzzing"].contains { template.contains($0) }
    }

    /// Variables a job uses that the file does not define are project or group CI/CD variables:
    /// secrets that reach every job their protection and environment scope admit.
    mutating func declareVariables(_ referenced: [String: SourceLocation], allJobsRead: Bool) {
        let uploads = registryVariables
        let pushTokens = pushTokenVariables
        builder.declareFoundSecrets(referenced, platform: .gitlab,
                                    scope: { "CI/CD variable '\($0)' is neither protected nor environment-scoped, so it reaches every job" },
                                    settle: "declare it under `secrets:` in firebreak.context.yml with `protectedBranchesOnly: true` or its `environment:`") { builder, name in
            if var cloud = CloudKeyVariables.cloud(of: name) {
                // A key id and its secret key used together are one key, held by its secret half:
                // the id is an identifier beside it, rated below.
                if let secretKey = CloudKeyVariables.secretHalf(of: name), referenced[secretKey] != nil { return nil }
                let location = builder.model.secrets[name]?.location ?? referenced[name]!
                // Every job that may use it points the tools elsewhere: said, since a job could
                // still reach AWS itself with it through a tool Firebreak does not read (an SDK).
                if cloud == CloudKeyVariables.awsAccount, allJobsRead, awsKeyClouds[name] == [CloudKeyVariables.compatibleStorage] {
                    cloud = CloudKeyVariables.compatibleStorage
                    _ = builder.assume(NodeID(.secret, name), CloudKeyVariables.compatibleStorageStatement(name),
                                       settle: CloudKeyVariables.compatibleStorageSettle, at: location)
                }
                return builder.addStaticKey(CloudKeyVariables.identity(holding: name, for: cloud), cloud: cloud, at: location)
            }
            if let pushed = pushTokens[name] {
                return builder.addGitLabPushToken(for: name, at: pushed)
            }
            if let upload = uploads[name] {
                return builder.addRegistryToken(secret: name, registry: upload.registry, job: upload.job, variable: upload.variable, at: upload.location)
            }
            return nil
        }
        for (id, location) in referenced.sorted(by: { $0.key < $1.key }) {
            guard let secretKey = CloudKeyVariables.secretHalf(of: id), referenced[secretKey] != nil else { continue }
            builder.rate(CredentialIdentifier(secret: id, credential: secretKey, role: .accessKeyID, location: location), context: context)
        }
    }

    /// The entries of a `cache:` value: one mapping, or a list of them, whose nested lists (a
    /// YAML alias to a list of caches, a `!reference`) GitLab flattens, as it does for `needs`;
    /// within the same bounds as a spliced `rules:` list.
    mutating func cacheEntries(_ cache: Sourced) -> [Sourced] {
        var budget = Self.spliceLimit
        return spliced(cache, depth: 0, budget: &budget)
    }

    /// The job a name stands for: one copy of a `parallel: matrix:` job is named after it with its
    /// values (`build: [fedora, gcc]`; GitLab Docs, "parallel:matrix"), and `needs:` and
    /// `dependencies:` may name one copy; the model has the job once, for all its copies.
    static func matrixJob(named name: String, among jobs: Set<String>) -> String {
        guard !jobs.contains(name), name.hasSuffix("]"), let open = name.range(of: ": [", options: .backwards) else { return name }
        let job = String(name[..<open.lowerBound])
        return jobs.contains(job) ? job : name
    }
}
