import FirebreakModel

/// The references the rules follow from one node to the next (a secret to the credential it
/// stores, a credential to what it is granted, a job to its artifacts and secrets), with the
/// referenced node's number worked out once per model: a rule then files what it concludes
/// without looking a name up, which hashes and compares the name and, on a model larger than
/// the processor's cache, misses it. Each table is by the referring node's place among its
/// kind's sorted nodes; -1 stands for a node the model does not declare (the graph's lookups
/// hand rules nil instead).
struct NumberedReferences: Sendable {
    /// A secret as a job receives it: its node number, and where the job references it (or
    /// where the secret is declared, when the platform hands it over unasked).
    struct ExposedSecret: Sendable {
        let number: Int32
        let location: SourceLocation
    }

    /// A produced artifact with its number.
    struct ProducedArtifact: Sendable {
        let artifact: Reference
        let number: Int32
    }

    /// Per secret, the number of the identity whose credential it stores.
    let carriedIdentity: [Int32]
    /// Per identity, the numbers of its grants' targets, in the order of its grants.
    let grantTargets: FlatLists<Int32>
    /// Per job, the artifacts it produces sorted by name, with their numbers.
    let producedArtifacts: FlatLists<ProducedArtifact>
    /// Per job, the secrets the platform hands it, sorted by name; empty and not `secretsListed`
    /// for a job on a platform that hands every variable to every job (GitLab), whose list is
    /// worked out when asked: stored, it would grow with jobs × variables.
    private let exposedSecrets: FlatLists<ExposedSecret>
    private let secretsListed: [Bool]

    init(_ model: PipelineModel, numbering: NodeNumbering, jobs: [Job], secrets: [Secret], identities: [Identity]) {
        func number(_ id: NodeID) -> Int32 { numbering.number(of: id).map(Int32.init) ?? -1 }
        carriedIdentity = secrets.map { secret in secret.carries.map { number(NodeID(.identity, $0.name)) } ?? -1 }
        var grantTargets = FlatLists<Int32>(reservingLists: identities.count)
        for identity in identities { grantTargets.append(identity.grants.lazy.map { number($0.target) }) }
        self.grantTargets = grantTargets
        var produced = FlatLists<ProducedArtifact>(reservingLists: jobs.count)
        var exposed = FlatLists<ExposedSecret>(reservingLists: jobs.count)
        var listed: [Bool] = []
        listed.reserveCapacity(jobs.count)
        for job in jobs {
            let artifacts = job.produces
            // Most jobs produce one artifact or none: sorted only when there are more.
            produced.append((artifacts.count > 1 ? artifacts.sorted() : artifacts).lazy.map {
                ProducedArtifact(artifact: $0, number: number(NodeID(.artifact, $0.name)))
            })
            let lists = !model.platform(of: job).exposesUnreferencedSecrets
            listed.append(lists)
            exposed.append(lists ? model.exposedSecrets(to: job).map { ExposedSecret(number: number($0.secret.id), location: $0.location) } : [])
        }
        producedArtifacts = produced
        exposedSecrets = exposed
        secretsListed = listed
    }

    /// The secrets the platform hands the job at `place` in the sorted jobs, sorted by name; nil
    /// where every variable reaches every job (GitLab), for the caller to work out.
    func secrets(exposedToJobAt place: Int) -> ArraySlice<ExposedSecret>? {
        secretsListed[place] ? exposedSecrets[place] : nil
    }
}

/// The model objects the graph's indexes list, each with its node number, by which a rule files
/// what it concludes about the node without looking its name up.
extension AttackGraph {
    struct NumberedJob: Sendable, NumberedNode {
        let job: Job
        let number: Int

        init(_ job: Job, number: Int) {
            self.job = job
            self.number = number
        }
    }

    /// A cloud role with its node number.
    struct NumberedIdentity: Sendable, NumberedNode {
        let identity: Identity
        let number: Int

        init(_ identity: Identity, number: Int) {
            self.identity = identity
            self.number = number
        }
    }

    /// A job that takes in an artifact: the job and its number, how it uses the artifact, and
    /// the number of the resource it deploys the artifact to (nil: none, or one not declared).
    struct Consumer: Sendable {
        let job: Job
        let number: Int
        let use: Job.Consumption
        let target: Int?
    }
}

/// A model object with its node number, made from the object and the number.
protocol NumberedNode {
    associatedtype Value: Sendable
    init(_ value: Value, number: Int)
}

/// Nodes an index lists by their places among their kind's sorted nodes, each read with its
/// number on access. An index that held the model's objects retained each one listed when it
/// was made and released it when it went: on a model larger than the processor's cache, a miss
/// for each, twice.
struct NumberedList<Element: NumberedNode>: RandomAccessCollection, Sendable {
    /// The kind's nodes, sorted (the graph's own array, shared).
    private let values: [Element.Value]
    private let places: ArraySlice<Int32>
    /// The number of the kind's first node: a node's number is this plus its place.
    private let firstNumber: Int

    init(_ places: ArraySlice<Int32>, of values: [Element.Value], firstNumber: Int) {
        self.values = values
        self.places = places
        self.firstNumber = firstNumber
    }

    var startIndex: Int { 0 }
    var endIndex: Int { places.count }

    subscript(position: Int) -> Element {
        let place = Int(places[places.startIndex + position])
        return Element(values[place], number: firstNumber + place)
    }
}

/// The consumers of an artifact as an index keeps them: the job's place, which of the job's
/// `consumes` it is, and the number of the resource it deploys to (-1: none, or not declared).
struct ConsumerEntry: Sendable {
    let place: Int32
    let use: Int32
    let target: Int32
}

/// An artifact's consumers, each read as a `Consumer` on access (see `NumberedList`).
struct ConsumerList: RandomAccessCollection, Sendable {
    private let jobs: [Job]
    private let entries: [ConsumerEntry]
    private let firstNumber: Int

    init(_ entries: [ConsumerEntry], of jobs: [Job], firstNumber: Int) {
        self.jobs = jobs
        self.entries = entries
        self.firstNumber = firstNumber
    }

    var startIndex: Int { 0 }
    var endIndex: Int { entries.count }

    subscript(position: Int) -> AttackGraph.Consumer {
        let entry = entries[position], job = jobs[Int(entry.place)]
        return AttackGraph.Consumer(job: job, number: firstNumber + Int(entry.place), use: job.consumes[Int(entry.use)],
                                    target: entry.target >= 0 ? Int(entry.target) : nil)
    }
}
