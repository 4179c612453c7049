/// A readable line diff for a failed snapshot: lines only in the expected text start with
/// `-`, lines only in the actual text with `+`, a few common lines around each change for
/// context (longest common subsequence, bounded to keep failures fast).
public struct LineDiff: CustomStringConvertible {
    public let expected: [Substring]
    public let actual: [Substring]

    public init(expected: String, actual: String) {
        self.expected = expected.split(separator: "\n", omittingEmptySubsequences: false)
        self.actual = actual.split(separator: "\n", omittingEmptySubsequences: false)
    }

    public var description: String {
        // Strip the common head and tail, then align the middle.
        var head = 0
        while head < expected.count, head < actual.count, expected[head] == actual[head] { head += 1 }
        var tail = 0
        while tail < expected.count - head, tail < actual.count - head,
              expected[expected.count - 1 - tail] == actual[actual.count - 1 - tail] { tail += 1 }
        let old = Array(expected[head..<(expected.count - tail)])
        let new = Array(actual[head..<(actual.count - tail)])
        var lines: [String] = ["@@ line \(head + 1)"]
        if old.count * new.count > 4_000_000 {
            lines += old.prefix(40).map { "-\($0)" } + new.prefix(40).map { "+\($0)" }
        } else {
            lines += Self.align(old, new)
        }
        let shown = lines.prefix(80)
        return shown.joined(separator: "\n") + (lines.count > shown.count ? "\n… \(lines.count - shown.count) more lines" : "")
    }

    /// The middle of both texts as `-`, `+` and ` ` lines, by longest common subsequence.
    static func align(_ old: [Substring], _ new: [Substring]) -> [String] {
        var length = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                length[i][j] = old[i] == new[j] ? length[i + 1][j + 1] + 1 : max(length[i + 1][j], length[i][j + 1])
            }
        }
        var result: [String] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                result.append(" \(old[i])"); i += 1; j += 1
            } else if i < old.count, j == new.count || length[i + 1][j] >= length[i][j + 1] {
                result.append("-\(old[i])"); i += 1
            } else {
                result.append("+\(new[j])"); j += 1
            }
        }
        return result
    }
}
