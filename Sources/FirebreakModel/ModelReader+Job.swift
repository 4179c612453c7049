import Yams

extension ModelReader {
    static let jobKeys = [
        "role", "definition", "triggers", "runsOn", "environment", "needs", "runsRepositoryCode", "installsDependencies", "untrustedInput",
        "guard", "secrets", "token", "oidc", "produces", "consumes", "restoresCaches", "savesCaches", "steps",
        "platform", "manual",
    ]

    func readJob(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Job? {
        guard let f = YAMLFields(node, what: "job '\(name)'", keys: Self.jobKeys, file: file, sink: sink) else { return nil }
        let untrusted = f.choice("untrustedInput", Job.UntrustedInput.self) ?? .none
        var token: [Grant]?
        var publishesByToken = false
        var tokenUses: [TokenUse] = []
        if f.has("token") {
            guard let grants = YAMLFields(f.node("token")!, what: "the token of job '\(name)'", keys: ["grants", "trustedPublishing", "usedFor"],
                                          file: file, sink: sink)
            else { return nil }
            // `trustedPublishing:` grants are the registries that take the job's OIDC token for its workflow file.
            token = readGrants(grants, "grants", of: "the token of job '\(name)'", jobToken: true)
                + readGrants(grants, "trustedPublishing", of: "the token of job '\(name)'", jobToken: true).map { grant in
                    var grant = grant
                    grant.trustedPublishing = true
                    return grant
                }
            tokenUses = readUses(grants, of: name)
            publishesByToken = token?.contains(where: \.trustedPublishing) ?? false
        }
        var job = Job(name: name, role: f.choice("role", Job.Role.self) ?? .other, definition: f.reference("definition"),
                      triggers: f.references("triggers"), runsOn: f.reference("runsOn"), environment: f.reference("environment"),
                      needs: f.references("needs"), runsRepositoryCode: f.bool("runsRepositoryCode") ?? true,
                      installsDependencies: f.bool("installsDependencies") ?? false,
                      untrustedInput: untrusted, guardCondition: f.choice("guard", Job.Guard.self) ?? .none,
                      secrets: f.references("secrets"), token: token, oidc: f.bool("oidc") ?? publishesByToken,
                      produces: f.references("produces"), consumes: readConsumptions(f, job: name),
                      restoresCaches: f.references("restoresCaches"), savesCaches: f.references("savesCaches"),
                      steps: readSteps(f, job: name), platform: f.choice("platform", Platform.self),
                      manual: f.bool("manual") ?? false, location: location)
        job.tokenUses = tokenUses
        return job
    }

    /// `usedFor: {SCOPE: what the job's steps write with it}`: the writes a legitimate run of
    /// the job makes with its token, which a fix must not take away.
    private func readUses(_ f: YAMLFields, of job: String) -> [TokenUse] {
        var uses: [TokenUse] = []
        for entry in f.named("usedFor") {
            let location = YAMLFields.location(of: entry.value, file: file)
            guard TokenUse.scopes.contains(entry.name) else {
                sink.error(entry.location, "'\(entry.name)' is not a permission of a job's token",
                           help: "name one of \(TokenUse.scopes.sorted().joined(separator: ", "))")
                continue
            }
            guard case .scalar(let scalar) = entry.value, !scalar.string.isEmpty else {
                sink.error(location, "say in words what job '\(job)' writes with its token's \(entry.name) permission",
                           help: "write `\(entry.name): \"gh release create\"`")
                continue
            }
            uses.append(TokenUse(scope: entry.name, what: scalar.string, location: location))
        }
        return uses
    }

    private func readConsumptions(_ f: YAMLFields, job: String) -> [Job.Consumption] {
        var result: [Job.Consumption] = []
        for entry in f.named("consumes") {
            guard let c = YAMLFields(entry.value, what: "the use of artifact '\(entry.name)' in job '\(job)'",
                                     keys: ["use", "verifies", "deploysTo", "canary"], file: file, sink: sink) else { continue }
            let use = c.choice("use", Job.Consumption.Use.self) ?? (c.has("deploysTo") ? .deploy : .data)
            let deploysTo = c.reference("deploysTo")
            if use == .deploy, deploysTo == nil {
                sink.error(entry.location, "job '\(job)' deploys artifact '\(entry.name)' but does not say where",
                           help: "add `deploysTo: RESOURCE` naming a declared resource")
            }
            if use != .deploy, c.has("deploysTo") {
                sink.error(c.location(of: "deploysTo"), "'deploysTo' needs `use: deploy`, and this use is \(use.rawValue)")
            }
            let canary = c.int("canary", in: 1...99)
            if canary != nil, use != .deploy {
                sink.error(c.location(of: "canary"), "a canary applies to a deployment, and this use is \(use.rawValue)")
            }
            result.append(Job.Consumption(artifact: Reference(entry.name, at: entry.location), use: use,
                                          verifies: c.bool("verifies") ?? false, deploysTo: deploysTo,
                                          canaryPercent: canary, location: entry.location))
        }
        return result
    }

    private func readSteps(_ f: YAMLFields, job: String) -> [Step] {
        guard let node = f.node("steps") else { return [] }
        guard case .sequence(let sequence) = node else {
            sink.error(YAMLFields.location(of: node, file: file), "'steps' in job '\(job)' must be a list",
                       help: "write each step as `- uses: owner/action@ref`")
            return []
        }
        var steps: [Step] = []
        var seen: [String: Int] = [:]
        for item in sequence {
            guard let s = YAMLFields(item, what: "a step of job '\(job)'", keys: ["uses", "kind", "pin"], file: file, sink: sink)
            else { continue }
            s.require("uses", help: "name what the step pulls in, e.g. `uses: actions/setup-node@v4`")
            guard let uses = s.string("uses") else { continue }
            let kind = s.choice("kind", Step.Kind.self) ?? .action
            let pin = s.choice("pin", PinState.self) ?? Step.inferPin(uses: uses, kind: kind)
            seen[uses, default: 0] += 1
            let suffix = seen[uses]! > 1 ? "#\(seen[uses]!)" : ""
            steps.append(Step(name: "\(job)/\(uses)\(suffix)", uses: uses, kind: kind, pin: pin, location: s.location))
        }
        return steps
    }
}

extension Step {
    /// The pin state of a `uses` string: `owner/repo@ref`, `image@sha256:...`, `image:tag`, or a URL.
    public static func inferPin(uses: String, kind: Kind) -> PinState {
        if kind == .package { return packagePin(uses) }
        // Read on the UTF-8 bytes: `@` and `sha256:` are ASCII, and every step's reference is read.
        let bytes = uses.utf8
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else {
            if kind == .image, let last = uses.split(separator: "/").last, last.contains(":") { return .tag }
            return .none
        }
        if bytes.indices.contains(where: { bytes[$0] == UInt8(ascii: "@") && bytes[$0...].starts(with: "@sha256:".utf8) }) { return .digest }
        return PinState.infer(fromVersion: String(uses[bytes.index(after: at)...]))
    }

    /// A package step's pin from its version (`pip:twine==5.1.1`, `npm:@scope/tool@1.2.3`,
    /// `npm:npm@latest`): an exact version holds (registries never publish one twice), a
    /// dist-tag moves, anything else is the newest.
    static func packagePin(_ uses: String) -> PinState {
        let name = uses.drop { $0 != ":" }.dropFirst()
        let version: Substring
        if let equals = name.range(of: "==") {
            version = name[equals.upperBound...]
        } else if let at = name.dropFirst().lastIndex(of: "@") {
            version = name[name.index(after: at)...]
        } else {
            return .none
        }
        if PinState.isFullVersion(version) { return .digest }
        return !version.isEmpty && version.allSatisfy({ $0.isLetter }) ? .tag : .none
    }
}
