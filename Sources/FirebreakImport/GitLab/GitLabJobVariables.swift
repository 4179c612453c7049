import Yams

/// The variables `.gitlab-ci.yml` gives one job, with their values: the global ones it inherits,
/// then its own over them. The runner expands them in the job's `image:` and `services:`
/// (`image: ${FEDORA_IMAGE}`; GitLab Docs, "Where variables can be used"), and a value that names
/// another variable in turn; the cache key and policy read them too. Variables the file does not
/// define (the project's settings, predefined ones) stay as written. Untrusted text is expanded a
/// bounded number of rounds into a bounded length, so a file cannot make it grow without end.
struct GitLabJobVariables {
    /// The values by name; a value that is not text (a mapping without `value:`) is left out.
    let values: [String: String]

    /// The variables a job's image sees: the global ones it inherits (`inherit: variables:`
    /// false takes none, a list only those named), then its own.
    init(global: Yams.Node?, job: Yams.Node?, inherit: Yams.Node?) {
        var values: [String: String] = [:]
        let accepted: (String) -> Bool = { name in
            guard let inherit else { return true }
            if let flag = inherit.scalarText { return flag != "false" }
            return inherit.texts.contains(name)
        }
        for entry in global?.gitlabEntries ?? [] where accepted(entry.key) { values[entry.key] = Self.text(of: entry.value) }
        for entry in job?.gitlabEntries ?? [] { values[entry.key] = Self.text(of: entry.value) }
        self.values = values
    }

    /// A variable's value: the scalar, or a mapping's `value:`; nil when it is marked not to be
    /// expanded (`expand: false`: the runner passes it as written).
    private static func text(of node: Yams.Node) -> String? {
        if let text = node.scalarText { return text }
        if node.value("expand")?.scalarText == "false" { return nil }
        return node.value("value")?.scalarText
    }

    /// The text (an image's name) with the variables the file defines put in.
    func expand(_ original: String) -> String {
        var text = original
        for _ in 0..<Self.rounds {
            let next = expandOnce(text)
            if next == text || next.utf8.count > Self.maximumLength { break }
            text = next
        }
        return text
    }

    /// How many times a value naming another variable is followed, and the longest name kept.
    static let rounds = 4
    static let maximumLength = 1_024

    /// One pass: each `$NAME` and `${NAME}` the variables define, replaced by its value.
    private func expandOnce(_ text: String) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            let braced = after.first == "{"
            let nameStart = braced ? after.index(after: after.startIndex) : after.startIndex
            let nameEnd = after[nameStart...].firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) } ?? after.endIndex
            let name = String(after[nameStart..<nameEnd])
            let closed = !braced || (nameEnd < after.endIndex && after[nameEnd] == "}")
            guard !name.isEmpty, closed, let value = values[name] else {
                result += "$"
                rest = after
                continue
            }
            result += value
            rest = braced ? after[after.index(after: nameEnd)...] : after[nameEnd...]
        }
        result += rest
        return result
    }
}
