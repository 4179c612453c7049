import FirebreakModel
import Foundation
import Yams

/// A value from a GitLab CI file, with the file it came from (includes merge several files).
struct Sourced {
    var node: Yams.Node
    var file: String

    var location: SourceLocation { node.location(file) }
}

/// A mapping of sourced values, in the order the keys first appeared.
struct SourcedMapping {
    private(set) var keys: [String] = []
    private var values: [String: Sourced] = [:]

    subscript(key: String) -> Sourced? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            values[key] = newValue
            if newValue == nil { keys.removeAll { $0 == key } }
        }
    }

    /// `other`'s keys win; nested mappings are merged one level deep, as GitLab merges
    /// `extends` and includes (not `default:`, whose keywords a job's own replace whole).
    func merging(_ other: SourcedMapping) -> SourcedMapping {
        var result = self
        for key in other.keys {
            let theirs = other[key]!
            if let mine = result[key], mine.node.isMapping, theirs.node.isMapping {
                var pairs = mine.node.gitlabEntries.filter { entry in theirs.node.gitlabEntries.allSatisfy { $0.key != entry.key } }
                    .map { ($0.keyNode, $0.value) }
                pairs += theirs.node.gitlabEntries.map { ($0.keyNode, $0.value) }
                result[key] = Sourced(node: .mapping(.init(pairs, theirs.node.tag, .block, theirs.node.mark)), file: theirs.file)
            } else {
                result[key] = theirs
            }
        }
        return result
    }

    init() {}

    init(_ node: Yams.Node, file: String) {
        for entry in node.gitlabEntries { self[entry.key] = Sourced(node: entry.value, file: file) }
    }
}

/// A merged GitLab CI configuration: top-level keywords, jobs (hidden ones included) and
/// the includes that could not be read because they live elsewhere.
struct GitLabConfig {
    struct ExternalInclude {
        var name: String
        var source: String
        var ref: String?
        var location: SourceLocation
        /// The `inputs:` the include is given, by name (text values only).
        var inputs: [String: String] = [:]
    }

    static let keywords: Set<String> = [
        "stages", "variables", "default", "include", "workflow", "image", "services", "cache", "before_script",
        "after_script", "types", "spec",
    ]

    var top = SourcedMapping()
    var jobs: [String: SourcedMapping] = [:]
    var jobOrder: [String] = []
    /// Where each job's own definition begins, and the repository-relative file it is in.
    var jobLocations: [String: SourceLocation] = [:]
    var jobFiles: [String: String] = [:]
    /// Hidden top-level keys as written (`.amd64-tags: [linux, amd64]`, `.tag-cache: {key: ...}`),
    /// for the `!reference [.amd64-tags]` that names one whole.
    var hiddenValues: [String: Sourced] = [:]
    var externalIncludes: [ExternalInclude] = []
    /// Every file read, repository-relative.
    var files: [String] = []
    /// Each file's lines, by the name its locations give: where a scalar folded over several
    /// lines writes a piece of a script is found in them.
    var sourceLines: [String: [Substring]] = [:]

    /// Adds one file's keys; later files override earlier ones, job by job and key by key.
    mutating func add(_ node: Yams.Node, file: String, path: String) {
        for entry in node.gitlabEntries where entry.key != "include" {
            if Self.keywords.contains(entry.key) {
                var current = SourcedMapping(), incoming = SourcedMapping()
                current[entry.key] = top[entry.key]
                incoming[entry.key] = Sourced(node: entry.value, file: file)
                top[entry.key] = current.merging(incoming)[entry.key]
                continue
            }
            if entry.key.hasPrefix(".") { hiddenValues[entry.key] = Sourced(node: entry.value, file: file) }
            guard entry.value.isMapping else { continue }
            let mapping = SourcedMapping(entry.value, file: file)
            if let existing = jobs[entry.key] {
                jobs[entry.key] = existing.merging(mapping)
            } else {
                jobs[entry.key] = mapping
                jobOrder.append(entry.key)
            }
            jobLocations[entry.key] = entry.keyNode.location(file)
            jobFiles[entry.key] = path
        }
    }
}

extension Yams.Node {
    /// A mapping's entries with YAML merge keys (`<<: *anchor`) expanded; explicit keys win.
    var gitlabEntries: [(key: String, keyNode: Yams.Node, value: Yams.Node)] {
        let own = entries
        guard own.contains(where: { $0.key == "<<" }) else { return own }
        var result: [(String, Yams.Node, Yams.Node)] = []
        var seen = Set(own.filter { $0.key != "<<" }.map(\.key))
        for entry in own where entry.key == "<<" {
            let sources = entry.value.isMapping ? [entry.value] : entry.value.items
            for source in sources {
                for merged in source.entries where !seen.contains(merged.key) {
                    seen.insert(merged.key)
                    result.append((merged.key, merged.keyNode, merged.value))
                }
            }
        }
        return own.filter { $0.key != "<<" } + result
    }

    /// Whether the node is a `!reference [job, key, ...]`.
    var referencePath: [String]? {
        guard tag.rawValue == "!reference" else { return nil }
        return texts
    }
}
