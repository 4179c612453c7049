import FirebreakImport
import Foundation
import Yams

/// Edits a YAML file's text at the lines a change involves and leaves every other line as it
/// was, comments included. A changed value inside a flow collection re-writes the nearest
/// enclosing entry of a block collection, on one line in flow style.
public struct YAMLTextEditor: Sendable {
    /// One step of a path into the document.
    public enum Step: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)
        public init(stringLiteral value: String) { self = .key(value) }
        public init(integerLiteral value: Int) { self = .index(value) }
    }

    /// The text as edited so far.
    public private(set) var text: String
    public let file: String

    public init(text: String, file: String) {
        self.text = text
        self.file = file
    }

    /// Sets the value at `path`, creating the mappings on the way that do not exist.
    public mutating func set(_ path: [Step], to value: YAMLValue) throws(PatchError) {
        try edit(path) { old in value }
    }

    /// Removes the entry at `path`; nothing when there is none.
    public mutating func remove(_ path: [Step]) throws(PatchError) {
        let root = try parse()
        guard let located = locate(path, in: root), located.found == path.count else { return }
        if let flowDepth = located.firstFlowDepth, flowDepth <= path.count - 1 {
            try rewrite(path, in: root, located: located, flowDepth: flowDepth) { _ in nil }
            return
        }
        let container = located.chain[path.count - 1]
        guard let entry = container.entry(path[path.count - 1]) else { return }
        deleteLines(entry.firstLine, lastLine(entry.value, from: entry.firstLine))
    }

    /// Changes the value at `path` with `change`, which receives the old value (nil when absent).
    public mutating func edit(_ path: [Step], _ change: (YAMLValue?) -> YAMLValue?) throws(PatchError) {
        let root = try parse()
        guard let located = locate(path, in: root) else { throw PatchError(file: file, message: "cannot find \(describe(path))") }
        if let flowDepth = located.firstFlowDepth, flowDepth <= located.found {
            try rewrite(path, in: root, located: located, flowDepth: flowDepth, change)
            return
        }
        if located.found == path.count {
            let container = located.chain[path.count - 1]
            let entry = container.entry(path[path.count - 1])!
            guard let new = change(YAMLTextEditor.value(of: entry.value)) else {
                deleteLines(entry.firstLine, lastLine(entry.value, from: entry.firstLine))
                return
            }
            replaceEntry(entry, with: new)
            return
        }
        if located.chain.count <= located.found {
            // A scalar stands where the path goes on: the entry holding it takes the new mapping.
            let holder = located.chain[located.found - 1]
            let entry = holder.entry(path[located.found - 1])!
            let value = YAMLTextEditor.changing(nil, at: Array(path[located.found...]), change) ?? .mapping([])
            replaceEntry(entry, with: value)
            return
        }
        // Insert the missing part as a new entry of the deepest existing block mapping.
        guard case .key(let key) = path[located.found], case .mapping(let mapping) = located.chain[located.found].node
        else { throw PatchError(file: file, message: "cannot add \(describe(path)) to a list") }
        guard let new = change(nil) else { return }
        let value = path[(located.found + 1)...].reversed().reduce(new) { inner, step in
            if case .key(let name) = step { return .mapping([YAMLEntry(name, inner)]) }
            return .sequence([inner])
        }
        insert(key: key, value: value, into: mapping, isRoot: located.found == 0)
    }

    // MARK: - Locating

    private struct Container {
        var node: Node
        /// The entry of `step` in this container: its key's (or item's) line and column and its value.
        func entry(_ step: Step) -> (firstLine: Int, column: Int, key: String?, value: Node)? {
            switch (node, step) {
            case (.mapping(let mapping), .key(let name)):
                guard let pair = mapping.first(where: { $0.key.string == name }), let mark = pair.key.mark else { return nil }
                return (mark.line, mark.column, name, pair.value)
            case (.sequence(let sequence), .index(let index)):
                guard index >= 0, index < sequence.count, let mark = sequence[index].mark else { return nil }
                return (mark.line, mark.column, nil, sequence[index])
            default:
                return nil
            }
        }
        /// Whether the collection is written in flow style: its text starts with a bracket.
        func isFlow(in lines: [String]) -> Bool {
            guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return false }
            let scalars = Array(lines[mark.line - 1].unicodeScalars)
            guard mark.column >= 1, mark.column <= scalars.count else { return false }
            return scalars[mark.column - 1] == "{" || scalars[mark.column - 1] == "["
        }
    }

    private struct Located {
        /// Containers from the root: chain[i] holds path[i].
        var chain: [Container]
        /// How many steps of the path exist.
        var found: Int
        /// The depth of the first flow container on the way, if any.
        var firstFlowDepth: Int?
    }

    private func locate(_ path: [Step], in root: Node) -> Located? {
        let lines = text.components(separatedBy: "\n")
        var chain = [Container(node: root)]
        var found = 0
        var flowDepth: Int? = Container(node: root).isFlow(in: lines) ? 0 : nil
        for step in path {
            guard let entry = chain.last!.entry(step) else { break }
            found += 1
            if found == path.count { break }
            let next = Container(node: entry.value)
            guard case .scalar = entry.value else {
                chain.append(next)
                if flowDepth == nil, next.isFlow(in: lines) { flowDepth = found }
                continue
            }
            break
        }
        return Located(chain: chain, found: found, firstFlowDepth: flowDepth)
    }

    // MARK: - Rewriting

    /// Re-writes the block entry that holds the first flow container on the path, with the change made inside it.
    private mutating func rewrite(_ path: [Step], in root: Node, located: Located, flowDepth: Int,
                                  _ change: (YAMLValue?) -> YAMLValue?) throws(PatchError) {
        guard flowDepth > 0 else { throw PatchError(file: file, message: "the document is one flow collection; cannot patch it by lines") }
        let holder = located.chain[flowDepth - 1]
        guard let entry = holder.entry(path[flowDepth - 1]), var value = YAMLTextEditor.value(of: entry.value) else {
            throw PatchError(file: file, message: "cannot find \(describe(path))")
        }
        value = YAMLTextEditor.changing(value, at: Array(path[flowDepth...]), change) ?? .mapping([])
        replaceEntry(entry, with: value)
    }

    private static func changing(_ value: YAMLValue?, at path: [Step], _ change: (YAMLValue?) -> YAMLValue?) -> YAMLValue? {
        guard let step = path.first else { return change(value) }
        let rest = Array(path.dropFirst())
        switch (value, step) {
        case (.sequence(var items)?, .index(let index)) where index < items.count:
            if let new = changing(items[index], at: rest, change) { items[index] = new } else { items.remove(at: index) }
            return .sequence(items)
        case (.mapping(var entries)?, .key(let key)):
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let new = changing(entries[index].value, at: rest, change) { entries[index].value = new } else { entries.remove(at: index) }
            } else if let new = changing(nil, at: rest, change) {
                entries.append(YAMLEntry(key, new))
            }
            return .mapping(entries)
        case (nil, .key(let key)):
            return changing(nil, at: rest, change).map { .mapping([YAMLEntry(key, $0)]) }
        default:
            return value
        }
    }

    private mutating func replaceEntry(_ entry: (firstLine: Int, column: Int, key: String?, value: Node), with value: YAMLValue) {
        var lines = text.components(separatedBy: "\n")
        let last = lastLine(entry.value, from: entry.firstLine)
        let original = lines[entry.firstLine - 1]
        let prefix = String(String.UnicodeScalarView(original.unicodeScalars.prefix(entry.column - 1)))
        // The line's old comment described the old value: it goes with it.
        let body = entry.key.map { "\(YAMLValue.quoted($0)): \(value.flow)" } ?? value.flow
        lines.replaceSubrange((entry.firstLine - 1)..<last, with: [prefix + body])
        text = lines.joined(separator: "\n")
    }

    private mutating func insert(key: String, value: YAMLValue, into mapping: Node.Mapping, isRoot: Bool) {
        var lines = text.components(separatedBy: "\n")
        let line = "\(YAMLValue.quoted(key)): \(value.flow)"
        guard let first = mapping.first?.key.mark else {
            // An empty block mapping: only the root can be one; add the entry at the end.
            while lines.last == "" { lines.removeLast() }
            lines.append(line)
            text = lines.joined(separator: "\n") + "\n"
            return
        }
        let indent = String(repeating: " ", count: first.column - 1)
        let last = lastLine(.mapping(mapping), from: first.line)
        lines.insert(indent + line, at: last)
        text = lines.joined(separator: "\n")
    }

    private mutating func deleteLines(_ first: Int, _ last: Int) {
        var lines = text.components(separatedBy: "\n")
        lines.removeSubrange((first - 1)..<last)
        text = lines.joined(separator: "\n")
    }

    /// The last line a node's content starts on.
    private func lastLine(_ node: Node, from line: Int) -> Int {
        var last = max(line, node.mark?.line ?? line)
        switch node {
        case .mapping(let mapping):
            for pair in mapping { last = max(last, lastLine(pair.key, from: last), lastLine(pair.value, from: last)) }
        case .sequence(let sequence):
            for item in sequence { last = max(last, lastLine(item, from: last)) }
        default:
            break
        }
        return last
    }

    static func value(of node: Node) -> YAMLValue? {
        switch node {
        case .scalar(let scalar): return .scalar(scalar.string)
        case .sequence(let sequence): return .sequence(sequence.compactMap(value(of:)))
        case .mapping(let mapping):
            return .mapping(mapping.compactMap { pair in value(of: pair.value).map { YAMLEntry(pair.key.string ?? "", $0) } })
        case .alias: return nil
        }
    }

    private func parse() throws(PatchError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else { return .mapping(Node.Mapping([])) }
            return node
        } catch {
            throw PatchError(file: file, message: "cannot read the file to patch it: \(error)")
        }
    }

    private func describe(_ path: [Step]) -> String {
        path.map { step -> String in
            switch step {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }.joined(separator: ".")
    }
}

/// A patch that could not be made.
public struct PatchError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

extension YAMLTextEditor {
    /// Replaces one line (1-based) with what `change` makes of it; nil leaves it.
    public mutating func replaceLine(_ number: Int, _ change: (String) -> String?) throws(PatchError) {
        var lines = text.components(separatedBy: "\n")
        guard number >= 1, number <= lines.count else { throw PatchError(file: file, message: "no line \(number)") }
        guard let new = change(lines[number - 1]) else {
            throw PatchError(file: file, message: "line \(number) does not hold what the patch changes")
        }
        lines[number - 1] = new
        text = lines.joined(separator: "\n")
    }
}

extension YAMLTextEditor {
    /// The value at `path`, if the document has one.
    public func value(at path: [Step]) -> YAMLValue? {
        node(at: path).flatMap(YAMLTextEditor.value(of:))
    }

    /// The parsed node at `path`, if the document has one.
    func node(at path: [Step]) -> Node? {
        guard var node = try? parse() else { return nil }
        for step in path {
            switch (node, step) {
            case (.mapping(let mapping), .key(let key)):
                guard let next = mapping.first(where: { $0.key.string == key })?.value else { return nil }
                node = next
            case (.sequence(let sequence), .index(let index)) where index < sequence.count:
                node = sequence[index]
            default:
                return nil
            }
        }
        return node
    }

    /// The key of the entry of the mapping at `path` written on `line`.
    public func key(atLine line: Int, under path: [Step]) -> String? {
        guard case .mapping(let mapping)? = node(at: path) else { return nil }
        return mapping.first { $0.key.mark?.line == line }?.key.string
    }
}

extension YAMLTextEditor {
    /// The path of the mapping that has a key written on `line`, if any.
    public func pathOfMapping(withKeyOnLine line: Int) -> [Step]? {
        guard let root = try? parse() else { return nil }
        func search(_ node: Node, _ path: [Step]) -> [Step]? {
            switch node {
            case .mapping(let mapping):
                if mapping.contains(where: { $0.key.mark?.line == line }) { return path }
                for pair in mapping {
                    if let key = pair.key.string, let found = search(pair.value, path + [.key(key)]) { return found }
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() {
                    if let found = search(item, path + [.index(index)]) { return found }
                }
            default:
                break
            }
            return nil
        }
        return search(root, [])
    }
}

extension YAMLTextEditor {
    /// Appends `comment` to the first line after line `after` that contains `text`.
    public mutating func commentLine(containing text: String, after: Int, _ comment: String) throws(PatchError) {
        let lines = self.text.components(separatedBy: "\n")
        guard let index = lines.indices.first(where: { $0 >= after - 1 && lines[$0].contains(text) }) else { return }
        try replaceLine(index + 1) { $0 + comment }
    }
}

extension YAMLTextEditor {
    /// The line the key at `path` is written on.
    public func keyLine(at path: [Step]) -> Int? {
        guard let last = path.last, case .key(let key) = last, case .mapping(let mapping)? = node(at: Array(path.dropLast())) else {
            return nil
        }
        return mapping.first { $0.key.string == key }?.key.mark?.line
    }
}
