import FirebreakModel
import Yams

/// One CI platform's importer: which files of a repository it reads, and how they become
/// nodes of the model. Importers are listed in `ImporterCatalogue`; input discovery, the
/// files exported for a revision and help texts all go through it.
protocol PipelineImporter: Sendable {
    /// A short, stable name ("github-actions").
    var id: String { get }
    /// The platform whose semantics its jobs, secrets and runners follow.
    var platform: Platform { get }
    /// What it reads, for help texts and errors.
    var summary: String { get }
    /// The pipeline files of a repository (repository-relative, sorted); empty when it has none.
    func pipelineFiles(in root: String) -> [String]
    /// A single file given on the command line, when it is this platform's: the repository
    /// root and the repository-relative file.
    func claim(file path: String, document: Yams.Node) -> (root: String, file: String)?
    /// Whether the importer may read this repository-relative path while importing (pipeline
    /// files, local actions, included files, code owners): what a revision export must contain.
    func mayRead(_ path: String) -> Bool
    /// Imports the given files, or the whole repository's when nil, into the builder.
    func importFiles(_ files: [String]?, into builder: inout ModelBuilder, context: PipelineModel?)
}
