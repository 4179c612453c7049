import FirebreakModel
import Foundation

/// The model being assembled from a repository, shared by every importer: what it holds, the
/// problems found, the assumptions made (each once, found in constant time), and where the
/// repository is.
struct ModelBuilder {
    /// The repository folder.
    let root: String
    /// How the root is written in locations (`.`, the path the user gave, or `REV:`).
    let display: String
    var model: PipelineModel
    let codeOwners: CodeOwners
    /// Problems found so far, each place reported once.
    var log = DiagnosticLog()
    /// What the import has read against its limits.
    let budget: ReadBudget
    /// Each assumption's place in `model.assumptions`.
    private var assumptionPlaces: [Assumption: Int]

    init(root: String, display: String, model: PipelineModel, limits: InputLimits = .standard) {
        budget = ReadBudget(limits)
        self.root = root
        self.display = display
        self.model = model
        codeOwners = CodeOwners.load(root: root)
        assumptionPlaces = Dictionary(model.assumptions.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The location label of a repository-relative path.
    func file(_ path: String) -> String { displayPath(path, under: display) }

    /// Records an assumption once, however many times the import meets it; its place in
    /// `model.assumptions`.
    @discardableResult
    mutating func assume(_ subject: NodeID?, _ statement: String, settle: String, at location: SourceLocation, valuation: Bool = false) -> Int {
        var assumption = Assumption(subject: subject, statement: statement, settle: settle, location: location)
        assumption.valuation = valuation
        if let place = assumptionPlaces[assumption] { return place }
        model.assumptions.append(assumption)
        assumptionPlaces[assumption] = model.assumptions.count - 1
        return model.assumptions.count - 1
    }

    /// Adds `node`, once, to the nodes whose facts rest on the assumption at `place`.
    mutating func extend(assumptionAt place: Int, to node: NodeID) {
        guard model.assumptions[place].subject != node, !model.assumptions[place].alsoAbout.contains(node) else { return }
        model.assumptions[place].alsoAbout.append(node)
    }

    /// Rewords the assumption about `subject` that ends with `ending`, to end with `replacement`.
    mutating func reword(assumptionAbout subject: NodeID, ending: String, as replacement: String) {
        for place in model.assumptions.indices where model.assumptions[place].subject == subject && model.assumptions[place].statement.hasSuffix(ending) {
            assumptionPlaces[model.assumptions[place]] = nil
            model.assumptions[place].statement = String(model.assumptions[place].statement.dropLast(ending.count)) + replacement
            assumptionPlaces[model.assumptions[place]] = place
        }
    }

    /// A locally defined pipeline file as a definition, with its code owners.
    mutating func declareLocalDefinition(_ path: String, at location: SourceLocation) {
        model.definitions[path] = Definition(name: path, path: path, owners: codeOwners.owners(of: path), source: .local, location: location)
    }

    /// A job may need a job that called a local reusable workflow: it then needs every job of it.
    mutating func resolveNeeds() {
        let names = Set(model.jobs.keys)
        for (name, var job) in model.jobs where job.needs.contains(where: { !names.contains($0.name) }) {
            job.needs = job.needs.flatMap { need -> [Reference] in
                if names.contains(need.name) { return [need] }
                return names.filter { $0.hasPrefix(need.name + "/") }.sorted().map { Reference($0, at: need.location) }
            }
            model.jobs[name] = job
        }
    }
}
