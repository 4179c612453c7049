import FirebreakModel

extension GitHubImport {
    /// Links each download that names no uploaded artifact (a glob, every artifact of the run,
    /// a name computed by an expression) to the uploads it takes: those of the same run (the jobs
    /// of one workflow and the workflows it calls), or, for a download from another run
    /// (`run-id:`), any upload whose name fits. A download nothing fits stays as it is.
    mutating func linkArtifactPatterns() {
        let github = model.jobs.values.filter { $0.platform == .github }
        var uploads: [String: Set<String>] = [:]
        for job in github { uploads[Self.run(of: job.name), default: []].formUnion(job.produces.map(\.name)) }
        let everywhere = uploads.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var replaced: Set<String> = []
        for job in github.sorted(by: { $0.name < $1.name }) {
            let own = uploads[Self.run(of: job.name)] ?? []
            var consumes: [Job.Consumption] = []
            var changed = false
            for use in job.consumes {
                let name = use.artifact.name
                guard !everywhere.contains(name), ArtifactNamePattern.isPattern(name) else { consumes.append(use); continue }
                let otherRun = otherRunDownloads[job.name]?.contains(name) ?? false
                let fitting = (otherRun ? everywhere : own).filter { ArtifactNamePattern.overlaps(name, $0) }
                guard !fitting.isEmpty else { consumes.append(use); continue }
                changed = true
                replaced.insert(name)
                for upload in fitting.sorted() {
                    var linked = use
                    linked.artifact = Reference(upload, at: use.artifact.location)
                    consumes.append(linked)
                }
            }
            if changed { model.jobs[job.name]!.consumes = consumes }
        }
        // A pattern that now stands for the uploads it takes is no artifact of its own.
        let used = Set(model.jobs.values.flatMap { $0.consumes.map(\.artifact.name) + $0.produces.map(\.name) })
        for name in replaced where !used.contains(name) { model.artifacts[name] = nil }
    }

    /// The run a job belongs to: its workflow's jobs and those of the workflows it calls share
    /// the first part of their names.
    static func run(of job: String) -> String { String(job.prefix { $0 != "/" }) }
}
