/// A unified diff between two texts, three lines of context around each change.
enum UnifiedDiff {
    static func text(old: String, new: String, path: String) -> String {
        let a = lines(old), b = lines(new)
        let operations = diff(a, b)
        let changed = operations.indices.filter { operations[$0].kind != .same }
        var groups: [(Int, Int)] = []
        for index in changed {
            if let last = groups.last, index - last.1 <= 7 { groups[groups.count - 1].1 = index } else { groups.append((index, index)) }
        }
        let hunks = groups.map { first, last -> String in
            let slice = operations[max(0, first - 3)...min(operations.count - 1, last + 3)]
            let oldCount = slice.filter { $0.kind != .added }.count, newCount = slice.filter { $0.kind != .removed }.count
            // A side with no line in the hunk is numbered by the line before it.
            let oldStart = slice.first!.oldLine + (oldCount == 0 ? 0 : 1), newStart = slice.first!.newLine + (newCount == 0 ? 0 : 1)
            var hunk = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for operation in slice {
                let mark = operation.kind == .same ? " " : operation.kind == .removed ? "-" : "+"
                if operation.text.hasSuffix("\n") {
                    hunk += mark + operation.text
                } else {
                    hunk += mark + operation.text + "\n\\ No newline at end of file\n"
                }
            }
            return hunk
        }
        guard !hunks.isEmpty else { return "" }
        return (old.isEmpty ? "--- /dev/null\n" : "--- a/\(path)\n") + "+++ b/\(path)\n" + hunks.joined()
    }

    /// The text's lines, each with its newline (the last may have none).
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    struct Operation {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    /// Line operations by longest common subsequence over the differing middle.
    static func diff(_ a: [String], _ b: [String]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Operation] = (0..<prefix).map { Operation(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                result.append(Operation(kind: .same, text: x[i], oldLine: prefix + i, newLine: prefix + j)); i += 1; j += 1
            } else if i < x.count, j == y.count || table[i + 1][j] >= table[i][j + 1] {
                result.append(Operation(kind: .removed, text: x[i], oldLine: prefix + i, newLine: prefix + j)); i += 1
            } else {
                result.append(Operation(kind: .added, text: y[j], oldLine: prefix + i, newLine: prefix + j)); j += 1
            }
        }
        for k in 0..<suffix {
            result.append(Operation(kind: .same, text: a[a.count - suffix + k], oldLine: a.count - suffix + k, newLine: b.count - suffix + k))
        }
        return result
    }
}
