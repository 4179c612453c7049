/// How a job's scripts run what a download (or an earlier job's artifacts) holds, read from the
/// folders and names it lands under: a command or tool runs a file of it
/// (`ActionsKnowledge.runsDownload`), or an archive of it is unpacked where git then runs
/// (`GitTreeUnpacking`).
enum DownloadRun: Sendable {
    /// A command or a tool runs what it holds.
    case runsIt
    /// An archive from it is unpacked into `tree`, where git then runs.
    case unpacksWhereGitRuns(tree: String)

    /// What the hop into the job says beyond that it runs the artifact.
    var how: String? {
        if case .unpacksWhereGitRuns(let tree) = self { return GitTreeUnpacking.how(tree) }
        return nil
    }

    /// How `scripts` run what lies under any of `names`; nil when none does.
    static func reading(_ names: [String], in scripts: [String]) -> DownloadRun? {
        if scripts.contains(where: { ActionsKnowledge.runsDownload(namedAnyOf: names, in: $0) }) { return .runsIt }
        return scripts.lazy.compactMap { GitTreeUnpacking.gitTree(unpackedFrom: names, in: $0) }.first.map { .unpacksWhereGitRuns(tree: $0) }
    }
}
