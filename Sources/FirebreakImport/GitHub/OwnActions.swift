import FirebreakModel
import Foundation

/// This repository's own actions called by full name (`owner/repo/path@main`, `owner/repo@main`)
/// rather than as `./path`: at the default branch they run the repository's own code as it is
/// there, which no third party moves, and are read as the local action they are (`$/path`).
///
/// The repository's name is its own when known. Without one, a `uses:` of `owner/repo/path@ref`
/// whose folder `path` holds an action here names it when the repository's folder is named
/// after it too (`repo`, or `owner__repo`), which the import states; two such names name none.
/// A folder name as common as `.github/actions/setup` alone is no evidence: another
/// repository's action of that path stays a third party's. At another ref (a side branch, a tag) the action is whatever that ref holds, which
/// whoever may push there can change: it stays a step pinned by that ref (pessimistic).
struct OwnActions {
    /// The names (`owner/repo`, lowercased) this repository's actions go by.
    let names: Set<String>
    let defaultBranch: String
    let root: String
    /// When the name was taken from the files: the first `uses:` that gave it, and where.
    let inferred: (uses: String, location: SourceLocation)?

    /// `uses`: every step's `uses:` in the workflows, in the order read.
    init(repository: String, unnamed: Bool, defaultBranch: String, root: String, uses: [(text: String, location: SourceLocation)]) {
        self.defaultBranch = defaultBranch
        self.root = root
        guard unnamed else {
            names = [repository.lowercased()]
            inferred = nil
            return
        }
        var found: [String: (uses: String, location: SourceLocation)] = [:]
        let folder = ((root as NSString).standardizingPath as NSString).lastPathComponent.lowercased()
        for (text, location) in uses {
            guard let reference = Self.Reference(text), !reference.path.isEmpty,
                  Self.names(folder: folder, repository: reference.repository), Self.hasAction(at: reference.path, under: root) else { continue }
            if found[reference.repository].map({ location < $0.location }) ?? true { found[reference.repository] = (text, location) }
        }
        if found.count == 1, let (name, first) = found.first {
            names = [name]
            inferred = first
        } else {
            names = []
            inferred = nil
        }
    }

    /// `$/path` for an action of this repository at its default branch whose `action.yml` is
    /// here; nil for anything else.
    func localForm(of uses: String) -> String? {
        guard let reference = Self.Reference(uses), names.contains(reference.repository), reference.ref == defaultBranch,
              Self.hasAction(at: reference.path, under: root) else { return nil }
        return "$/" + reference.path
    }

    /// The step with an own action at the default branch read as the local one.
    func reading(_ step: Workflow.Step) -> Workflow.Step {
        guard let uses = step.uses, let local = localForm(of: uses) else { return step }
        var read = step
        read.uses = local
        return read
    }

    /// The job with its steps read so (`reading(_:)`).
    func reading(_ job: Workflow.Job) -> Workflow.Job {
        var read = job
        read.steps = job.steps.map(reading)
        return read
    }

    /// `owner/repo[/path]@ref`, split; nil for a local, docker or malformed reference, or a path
    /// that climbs.
    struct Reference {
        /// `owner/repo`, lowercased.
        let repository: String
        let path: String
        let ref: String

        init?(_ uses: String) {
            guard !uses.hasPrefix("./"), !uses.hasPrefix("$/"), !uses.contains("://"),
                  let at = uses.lastIndex(of: "@") else { return nil }
            let parts = uses[..<at].split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty,
                  !parts.dropFirst(2).contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { return nil }
            repository = "\(parts[0])/\(parts[1])".lowercased()
            path = parts.dropFirst(2).joined(separator: "/")
            ref = String(uses[uses.index(after: at)...])
            guard !ref.isEmpty, !ref.contains("${{") else { return nil }
        }
    }

    /// Whether a checkout's folder is named after `owner/repo` (lowercased): `repo`, or `owner__repo`.
    static func names(folder: String, repository: String) -> Bool {
        let parts = repository.split(separator: "/")
        return folder == parts.last.map(String.init) || folder == parts.joined(separator: "__")
    }

    /// Whether `path` (empty: the repository's root) holds an `action.yml` or `action.yaml`.
    static func hasAction(at path: String, under root: String) -> Bool {
        ["action.yml", "action.yaml"].contains { RepositoryFile.exists(path.isEmpty ? $0 : "\(path)/\($0)", under: root) }
    }
}
