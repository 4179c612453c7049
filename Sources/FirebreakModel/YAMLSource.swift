import Foundation
import Yams

/// Reads untrusted YAML text into a node tree with source marks, within fixed bounds.
///
/// libyaml rejects nesting deeper than 1,000 levels; the size bound keeps one file from
/// exhausting memory, and `NodeBudget` stops alias bombs while the tree is walked.
public enum YAMLSource {
    /// Largest file accepted, in bytes.
    public static let maximumBytes = 8 * 1024 * 1024

    /// Reads and parses a file; every failure is a diagnostic with a location.
    public static func load(path: String, maximumBytes: Int = maximumBytes) throws(LoadError) -> Yams.Node {
        let text: String
        do {
            let url = URL(fileURLWithPath: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumBytes {
                throw LoadError([Diagnostic(.error, at: .implicit(path),
                                            "file is \(size) bytes, more than the \(maximumBytes) bytes Firebreak reads",
                                            help: "split the pipeline into smaller files, or raise the limit with --max-file-bytes")])
            }
            guard let decoded = String(data: try Data(contentsOf: url), encoding: .utf8) else {
                throw LoadError([Diagnostic(.error, at: .implicit(path), "file is not UTF-8 text")])
            }
            text = decoded
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError([Diagnostic(.error, at: .implicit(path), "cannot read file: \(error.localizedDescription)",
                                        help: "check the path and its permissions")])
        }
        return try parse(text, file: path, maximumBytes: maximumBytes)
    }

    /// Parses YAML text holding exactly one document.
    public static func parse(_ text: String, file: String, maximumBytes: Int = maximumBytes) throws(LoadError) -> Yams.Node {
        guard text.utf8.count <= maximumBytes else {
            throw LoadError([Diagnostic(.error, at: .implicit(file), "document is larger than \(maximumBytes) bytes")])
        }
        do {
            // Tags are never read (every value is taken as written), so no scalar is matched against
            // YAML 1.1's type patterns: the basic resolver. UTF-8 is named rather than left to Yams'
            // default, which reads the whole process environment at every parse.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                throw LoadError([Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "the file is empty",
                                            help: "start with `firebreak: 1` and a `repository:` section")])
            }
            return node
        } catch let error as LoadError {
            throw error
        } catch let error as YamlError {
            throw LoadError([diagnostic(for: error, file: file, text: text)])
        } catch {
            throw LoadError([Diagnostic(.error, at: .implicit(file), "cannot parse YAML: \(error)")])
        }
    }

    /// Parses YAML text that may hold several documents (`---`), each within the same bounds.
    public static func parseDocuments(_ text: String, file: String, maximumBytes: Int = maximumBytes) throws(LoadError) -> [Yams.Node] {
        try checkSize(text, file: file, maximumBytes: maximumBytes)
        do {
            return try composeDocuments(text)
        } catch let error as YamlError {
            throw LoadError([diagnostic(for: error, file: file, text: text)])
        } catch {
            throw LoadError([Diagnostic(.error, at: .implicit(file), "cannot parse YAML: \(error)")])
        }
    }

    /// Like `parseDocuments`, for a file GitLab reads: of two entries with the same key the later
    /// one holds (`YAMLDuplicateKeys`), and each overridden entry is a warning at its place.
    public static func parseDocumentsKeepingLastDuplicate(_ text: String, file: String, maximumBytes: Int = maximumBytes)
        throws(LoadError) -> (documents: [Yams.Node], warnings: [Diagnostic]) {
        try checkSize(text, file: file, maximumBytes: maximumBytes)
        var text = text
        var warnings: [Diagnostic] = []
        for number in 0..<100 {
            do {
                let documents = try composeDocuments(text)
                return (warnings.isEmpty ? documents : documents.map(YAMLDuplicateKeys.restore), warnings)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let name = duplicates.sorted().first ?? ""
                guard let renamed = YAMLDuplicateKeys.rename(name, at: context.mark.line, column: context.mark.column, in: text, number: number)
                else { break }
                text = renamed
                warnings.append(Diagnostic(.warning, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                                           name == "<<" ? "the mapping merges more than once (`<<` repeated): GitLab merges each, and so does Firebreak"
                                               : "'\(name)' appears again later in the same mapping: GitLab keeps the later entry and ignores this one, and so does Firebreak",
                                           help: name == "<<" ? "merge them in one key, `<<: [*first, *second]`, which every YAML reader takes alike"
                                               : "remove one of the two, so that what runs is what the file seems to say"))
            } catch {
                break
            }
        }
        return (try parseDocuments(text, file: file, maximumBytes: maximumBytes), warnings)
    }

    private static func checkSize(_ text: String, file: String, maximumBytes: Int) throws(LoadError) {
        guard text.utf8.count <= maximumBytes else {
            throw LoadError([Diagnostic(.error, at: .implicit(file), "document is larger than \(maximumBytes) bytes")])
        }
    }

    /// Every document of the text, at most 101; a parse error is thrown, not kept.
    private static func composeDocuments(_ text: String) throws -> [Yams.Node] {
        var documents: [Yams.Node] = []
        var sequence = try Yams.compose_all(yaml: text, .basic, .default, .utf8)
        while let document = sequence.next() {
            documents.append(document)
            if documents.count > 100 { break }
        }
        // The sequence keeps a parse error instead of throwing it.
        if let error = sequence.error { throw error }
        return documents
    }

    static func diagnostic(for error: YamlError, file: String, text: String? = nil) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " \($0.text) at \($0.mark.line):\($0.mark.column)" } ?? ""
            return Diagnostic(.error, at: at(mark), "YAML syntax error: \(problem)\(detail)",
                              help: "check the indentation and quoting on this line and the one before")
        case let .reader(problem, offset, _, _):
            if let offset, let text, let location = location(ofByte: offset, in: text, file: file) {
                return Diagnostic(.error, at: location, "cannot read YAML: \(problem)",
                                  help: "remove the character (a stray control character or byte) at this place")
            }
            return Diagnostic(.error, at: .implicit(file), "cannot read YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(.error, at: at(context.mark), "duplicate name \(names): it appears more than once in the same mapping (first here)",
                              help: "give each entry a name of its own, or merge the two")
        default:
            return Diagnostic(.error, at: .implicit(file), "cannot parse YAML: \(error)")
        }
    }

    /// The line and column (in Unicode scalars) of a UTF-8 byte offset.
    static func location(ofByte offset: Int, in text: String, file: String) -> SourceLocation? {
        guard offset >= 0, offset <= text.utf8.count else { return nil }
        var line = 1, column = 1, bytes = 0
        for scalar in text.unicodeScalars {
            guard bytes < offset else { break }
            bytes += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
