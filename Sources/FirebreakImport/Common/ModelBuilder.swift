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
    private var assumptionSet: Set<Assumption>

    init(root: String, display: String, model: PipelineModel, limits: InputLimits = .standard) {
        budget = ReadBudget(limits)
        self.root = root
        self.display = display
        self.model = model
        codeOwners = CodeOwners.load(root: root)
        assumptionSet = Set(model.assumptions)
    }

    /// The location label of a repository-relative path.
    func file(_ path: String) -> String { displayPath(path, under: display) }

    /// Records an assumption once, however many times the import meets it.
    mutating func assume(_ subject: NodeID?, _ statement: String, settle: String, at location: SourceLocation) {
        let assumption = Assumption(subject: subject, statement: statement, settle: settle, location: location)
        if assumptionSet.insert(assumption).inserted { model.assumptions.append(assumption) }
    }

    /// Adds `node` to the nodes whose facts rest on the assumption about `subject` stated as `statement`.
    mutating func extend(assumptionAbout subject: NodeID, stating statement: String, to node: NodeID) {
        for index in model.assumptions.indices where model.assumptions[index].subject == subject && model.assumptions[index].statement == statement {
            assumptionSet.remove(model.assumptions[index])
            model.assumptions[index].alsoAbout.append(node)
            assumptionSet.insert(model.assumptions[index])
        }
    }

    /// Rewords the assumption about `subject` that ends with `ending`, to end with `replacement`.
    mutating func reword(assumptionAbout subject: NodeID, ending: String, as replacement: String) {
        for index in model.assumptions.indices where model.assumptions[index].subject == subject && model.assumptions[index].statement.hasSuffix(ending) {
            assumptionSet.remove(model.assumptions[index])
            model.assumptions[index].statement = String(model.assumptions[index].statement.dropLast(ending.count)) + replacement
            assumptionSet.insert(model.assumptions[index])
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
