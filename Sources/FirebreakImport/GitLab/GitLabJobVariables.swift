import Yams

/// The variables `.gitlab-ci.yml` gives one job, with their values: the global ones it inherits,
/// then its own over them. The runner expands them in the job's `image:` and `services:`
/// (`image: ${FEDORA_IMAGE}`; GitLab Docs, "Where variables can be used"), and a value that names
/// another variable in turn, unless the variable says `expand: false` (then its value stands as
/// written); `$$` is a literal `$`. The cache key and policy read them too. Variables the file
/// does not define (the project's settings, predefined ones) stay as written. Untrusted text is
/// expanded a bounded number of levels into a bounded length, so a file cannot make it grow
/// without end.
struct GitLabJobVariables {
    /// A variable's value, and whether names in it are expanded in turn.
    struct Value {
        let text: String
        let expands: Bool
    }

    /// The values by name; a value that is not text (a mapping without `value:`) is left out.
    let values: [String: Value]

    /// The variables a job's image sees: the global ones it inherits (`inherit: variables:`
    /// false takes none, a list only those named), then its own.
    init(global: Yams.Node?, job: Yams.Node?, inherit: Yams.Node?) {
        var values: [String: Value] = [:]
        let accepted: (String) -> Bool = { name in
            guard let inherit else { return true }
            if let flag = inherit.scalarText { return flag != "false" }
            return inherit.texts.contains(name)
        }
        for entry in global?.gitlabEntries ?? [] where accepted(entry.key) { values[entry.key] = Self.value(of: entry.value) }
        for entry in job?.gitlabEntries ?? [] { values[entry.key] = Self.value(of: entry.value) }
        self.values = values
    }

    private init(values: [String: Value]) { self.values = values }

    /// These variables and `assigned` (a script's own assignments, `IMG="$CI_IMAGE:$TAG"`) over them.
    func adding(_ assigned: [String: String]) -> GitLabJobVariables {
        GitLabJobVariables(values: values.merging(assigned.mapValues { Value(text: $0, expands: true) }) { $1 })
    }

    /// The values as text, for readers that take them as written (a cache's key and policy).
    var texts: [String: String] { values.mapValues(\.text) }

    /// A variable's value: the scalar, or a mapping's `value:` (with its `expand:`).
    private static func value(of node: Yams.Node) -> Value? {
        guard let text = text(of: node) else { return nil }
        return Value(text: text, expands: node.value("expand")?.scalarText != "false")
    }

    /// A variable's text as the file writes it: the scalar, or a mapping's `value:`.
    static func text(of node: Yams.Node) -> String? { node.scalarText ?? node.value("value")?.scalarText }

    /// How deep a value naming another variable is followed, and the longest text made.
    static let depth = 4
    static let maximumLength = 1_024

    /// The text (an image's name) with the variables the file defines put in; the text as
    /// written when the expansion would outgrow `maximumLength`.
    func expand(_ original: String) -> String {
        guard original.utf8.count <= Self.maximumLength else { return original }
        var budget = Self.maximumLength
        return expand(original, level: 0, budget: &budget) ?? original
    }

    /// One level: each `$NAME` and `${NAME}` the variables define replaced by its value, itself
    /// expanded one level deeper (down to `depth`); `$$` is one `$`. Nil once `budget` bytes
    /// are spent.
    private func expand(_ text: String, level: Int, budget: inout Int) -> String? {
        guard text.contains("$") else {
            budget -= text.utf8.count
            return budget >= 0 ? text : nil
        }
        var result = ""
        var rest = Substring(text)
        func append(_ piece: some StringProtocol) -> Bool {
            budget -= piece.utf8.count
            result += piece
            return budget >= 0
        }
        while let dollar = rest.firstIndex(of: "$") {
            guard append(rest[..<dollar]) else { return nil }
            let after = rest[rest.index(after: dollar)...]
            if after.first == "$" {
                guard append("$") else { return nil }
                rest = after.dropFirst()
                continue
            }
            let braced = after.first == "{"
            let nameStart = braced ? after.index(after: after.startIndex) : after.startIndex
            let nameEnd = after[nameStart...].firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) } ?? after.endIndex
            let name = String(after[nameStart..<nameEnd])
            let closed = !braced || (nameEnd < after.endIndex && after[nameEnd] == "}")
            guard !name.isEmpty, closed, let value = values[name] else {
                guard append("$") else { return nil }
                rest = after
                continue
            }
            if value.expands, level + 1 < Self.depth {
                guard let inner = expand(value.text, level: level + 1, budget: &budget) else { return nil }
                result += inner
            } else {
                guard append(value.text) else { return nil }
            }
            rest = braced ? after[after.index(after: nameEnd)...] : after[nameEnd...]
        }
        return append(rest) ? result : nil
    }
}
