import FirebreakModel
import Foundation
import Yams

/// What a job's steps tell about it.
struct StepsInfo {
    var steps: [Step] = []
    var runsCode = false
    var untrusted: Job.UntrustedInput = .none
    var uploads: [Reference] = []
    var downloads: [(artifact: Reference, runs: Bool)] = []
    var usesCache = false
    var cacheLocation = SourceLocation.implicit("")
    /// Secrets holding a static cloud key.
    var staticKeys: [(String, (identity: String, cloud: String, location: SourceLocation))] = []
    /// Cloud roles assumed through OIDC.
    var roles: [(name: String, cloud: String, location: SourceLocation)] = []
}

extension ImportState {
    mutating func importSteps(_ job: Workflow.Job, in workflow: Workflow, jobName: String, depth: Int) -> StepsInfo {
        var info = StepsInfo()
        var seen: [String: Int] = [:]
        func addStep(_ uses: String, kind: Step.Kind, at location: SourceLocation) {
            seen[uses, default: 0] += 1
            let suffix = seen[uses]! > 1 ? "#\(seen[uses]!)" : ""
            let pin = uses.hasPrefix("docker://") ? (uses.contains("@sha256:") ? .digest : .tag) : Step.inferPin(uses: uses, kind: kind)
            info.steps.append(Step(name: "\(jobName)/\(uses)\(suffix)", uses: uses, kind: kind, pin: pin, location: location))
        }
        for image in job.images {
            let pin: PinState = image.text.contains("@sha256:") ? .digest : image.text.split(separator: "/").last?.contains(":") == true ? .tag : .none
            seen[image.text, default: 0] += 1
            info.steps.append(Step(name: "\(jobName)/\(image.text)", uses: image.text, kind: .image, pin: pin, location: image.location))
        }
        var checkedOut = false
        var checkedOutHead = false
        var executesAfterHead = false
        for step in job.steps {
            // A step behind a sound guard of its own never runs for an outsider.
            let guarded = ActionsKnowledge.guardKind(step.condition) == .sound
            let uses = step.uses ?? ""
            let action = uses.split(separator: "@").first.map(String.init)?.lowercased() ?? ""
            if let run = step.run {
                if checkedOut { info.runsCode = true }
                if checkedOutHead, Patterns.matches(ActionsKnowledge.buildTool, run) { executesAfterHead = true }
                if !guarded, Patterns.matches(ActionsKnowledge.attackerControlled, run) { info.untrusted = .interpolation }
                for download in info.downloads.indices where !info.downloads[download].runs {
                    let name = info.downloads[download].artifact.name
                    if run.contains(name), Patterns.matches(ActionsKnowledge.buildTool, run) { info.downloads[download].runs = true }
                }
            }
            guard !uses.isEmpty else { continue }
            if uses.hasPrefix("./") {
                if checkedOutHead { executesAfterHead = true }
                info.runsCode = true
                for nested in localActionSteps(String(uses.dropFirst(2)), depth: depth) {
                    addStep(nested.uses, kind: nested.uses.hasPrefix("docker://") ? .image : .action, at: nested.location)
                }
                continue
            }
            addStep(uses, kind: uses.hasPrefix("docker://") ? .image : .action, at: step.location)
            let with = step.with
            switch action {
            case "actions/checkout":
                checkedOut = true
                let ref = (with["ref"]?.text ?? "") + " " + (with["repository"]?.text ?? "")
                if !guarded, Patterns.matches(ActionsKnowledge.pullRequestHead, ref) { checkedOutHead = true }
            case "actions/github-script":
                if !guarded, let script = with["script"]?.text, Patterns.matches(ActionsKnowledge.attackerControlled, script) {
                    info.untrusted = .interpolation
                }
            case "actions/upload-artifact":
                info.uploads.append(Reference(with["name"]?.text ?? "artifact", at: step.location))
            case "actions/download-artifact":
                info.downloads.append((Reference(with["name"]?.text ?? "artifact", at: step.location), false))
            case "actions/cache", "actions/cache/restore", "actions/cache/save":
                info.usesCache = true
                info.cacheLocation = step.location
            case "aws-actions/configure-aws-credentials":
                if let key = with["aws-access-key-id"], let secret = ActionsKnowledge.secretNames(in: key.text).first {
                    info.staticKeys.append((secret, ("aws-key:\(secret)", "aws-account", key.node.location(workflow.file))))
                } else if let role = with["role-to-assume"] {
                    info.roles.append((role.text, "aws-account", role.node.location(workflow.file)))
                }
            case "google-github-actions/auth":
                if let key = with["credentials_json"], let secret = ActionsKnowledge.secretNames(in: key.text).first {
                    info.staticKeys.append((secret, ("gcp-key:\(secret)", "gcp-project", key.node.location(workflow.file))))
                } else if let provider = with["service_account"] ?? with["workload_identity_provider"] {
                    info.roles.append((provider.text, "gcp-project", provider.node.location(workflow.file)))
                }
            case "azure/login":
                if let creds = with["creds"], let secret = ActionsKnowledge.secretNames(in: creds.text).first {
                    info.staticKeys.append((secret, ("azure-key:\(secret)", "azure-subscription", creds.node.location(workflow.file))))
                } else if let client = with["client-id"] {
                    info.roles.append(("azure:\(client.text)", "azure-subscription", client.node.location(workflow.file)))
                }
            default:
                if action.hasPrefix("actions/setup-"), let cache = with["cache"]?.text, !cache.isEmpty, cache != "false" {
                    info.usesCache = true
                    info.cacheLocation = step.location
                }
            }
        }
        // Running the pull request's checked-out code outweighs interpolated text.
        if checkedOutHead, executesAfterHead { info.untrusted = .checkout }
        if !job.images.isEmpty, checkedOut { info.runsCode = true }
        return info
    }

    /// The third-party steps of a local composite action (`./path/action.yml`), nested ones included.
    mutating func localActionSteps(_ path: String, depth: Int) -> [(uses: String, location: SourceLocation)] {
        guard depth < 3 else { return [] }
        for name in ["action.yml", "action.yaml"] {
            let relative = (path as NSString).appendingPathComponent(name)
            let full = (root as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: full) else { continue }
            let label = file(relative)
            do {
                let node = try YAMLSource.parse(try Self.read(full, label: label), file: label)
                var steps: [(String, SourceLocation)] = []
                for step in node.value("runs")?.value("steps")?.items ?? [] {
                    guard let uses = step.value("uses")?.scalarText else { continue }
                    if uses.hasPrefix("./") {
                        steps += localActionSteps(String(uses.dropFirst(2)), depth: depth + 1)
                    } else {
                        steps.append((uses, step.location(label)))
                    }
                }
                if let image = node.value("runs")?.value("image")?.scalarText, image.hasPrefix("docker://") {
                    steps.append((image, node.location(label)))
                }
                return steps
            } catch {
                diagnostics += error.diagnostics
                return []
            }
        }
        return []
    }
}
