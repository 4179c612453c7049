import Yams

/// Duplicate keys read the way GitLab reads them. GitLab parses `.gitlab-ci.yml` with Ruby's
/// Psych, which keeps the later of two entries with the same key (a repeated merge key `<<`
/// merges both); Yams refuses the document. So the earlier occurrence's key is renamed in the
/// text, the document parsed, and the renamed entries then dropped (merge keys restored): the
/// result is the mapping GitLab sees, and every line keeps its number.
enum YAMLDuplicateKeys {
    static let dropped = "__firebreak_overridden_"
    static let merge = "__firebreak_merge_"

    /// `text` with the key `name` written at `line`:`column` (1-based) renamed to a marker, or
    /// nil when the key is not found there as written.
    static func rename(_ name: String, at line: Int, column: Int, in text: String, number: Int) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line >= 1, line <= lines.count else { return nil }
        let characters = Array(lines[line - 1])
        let start = column - 1
        guard start >= 0, start < characters.count else { return nil }
        let rest = String(characters[start...])
        let marker = (name == "<<" ? merge : dropped) + String(number)
        let written: String
        if rest.hasPrefix(name) { written = name }
        else if rest.hasPrefix("\"\(name)\"") { written = "\"\(name)\"" }
        else if rest.hasPrefix("'\(name)'") { written = "'\(name)'" }
        else { return nil }
        lines[line - 1] = String(characters[..<start]) + marker + String(rest.dropFirst(written.count))
        return lines.joined(separator: "\n")
    }

    /// The node with renamed entries dropped and renamed merge keys back to `<<`, at any depth.
    static func restore(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            for (key, value) in mapping {
                if let text = key.string, text.hasPrefix(dropped) { continue }
                if let text = key.string, text.hasPrefix(merge) {
                    pairs.append((Node.scalar(.init("<<", .implicit, .plain, key.mark)), restore(value)))
                    continue
                }
                pairs.append((key, restore(value)))
            }
            return .mapping(.init(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(.init(sequence.map(restore), sequence.tag, sequence.style, sequence.mark))
        default:
            return node
        }
    }
}
