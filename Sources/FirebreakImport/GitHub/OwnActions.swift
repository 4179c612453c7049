
/// This repository's own actions called by full name (`owner/repo/path@main`, `owner/repo@main`)
/// rather than as `./path`: at the default branch they run the repository's own code as it is
/// there, which no third party moves, and are read as the local action they are (`$/path`).
///
/// Only by the repository's own name (its remote's, or the context file's): a repository without
/// one is never taken to be the owner of an action, since that would hang on the folder it is
/// cloned into, and a baseline made in one clone must hold in another. At another ref (a side
/// branch, a tag) the action is whatever that ref holds, which whoever may push there can change:
/// it stays a step pinned by that ref (pessimistic).
struct OwnActions {
    /// The names (`owner/repo`, lowercased) this repository's actions go by: none without a name.
    let names: Set<String>
    let defaultBranch: String
    let root: String

    init(repository: String, unnamed: Bool, defaultBranch: String, root: String) {
        self.defaultBranch = defaultBranch
        self.root = root
        names = unnamed ? [] : [repository.lowercased()]
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

    /// Whether `path` (empty: the repository's root) holds an `action.yml` or `action.yaml`.
    static func hasAction(at path: String, under root: String) -> Bool {
        ["action.yml", "action.yaml"].contains { RepositoryFile.exists(path.isEmpty ? $0 : "\(path)/\($0)", under: root) }
    }
}
