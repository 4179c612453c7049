/// A path pattern where `*` and `?` stay within one folder and `**` crosses folders, matched
/// by dynamic programming over the pattern and the path: time is bounded by their lengths'
/// product, with no backtracking to blow up on hostile patterns (`**/**/**/...`).
struct PathGlob: Sendable {
    private enum Token: Equatable {
        case literal(Unicode.Scalar)
        case any          // ?
        case segment      // *
        case everything   // **
    }

    private let tokens: [Token]

    init(_ pattern: String) {
        var tokens: [Token] = []
        var scalars = Array(pattern.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "*":
                if scalars.first == "*" {
                    scalars.removeFirst()
                    while scalars.first == "*" { scalars.removeFirst() }
                    if tokens.last != .everything { tokens.append(.everything) }
                } else if tokens.last != .segment, tokens.last != .everything {
                    tokens.append(.segment)
                }
            case "?": tokens.append(.any)
            default: tokens.append(.literal(scalar))
            }
        }
        self.tokens = tokens
    }

    /// Whether the whole of `path` matches.
    func matches(_ path: String) -> Bool {
        let text = Array(path.unicodeScalars)
        // reachable[j]: the tokens so far can consume exactly text[0..<j].
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: text.count + 1)
            switch token {
            case .literal(let scalar):
                for j in 0..<text.count where reachable[j] && text[j] == scalar { next[j + 1] = true }
            case .any:
                for j in 0..<text.count where reachable[j] && text[j] != "/" { next[j + 1] = true }
            case .segment:
                for j in 0...text.count {
                    if reachable[j] { next[j] = true }
                    if j > 0, next[j - 1], text[j - 1] != "/" { next[j] = true }
                }
            case .everything:
                var seen = false
                for j in 0...text.count {
                    seen = seen || reachable[j]
                    next[j] = seen
                }
            }
            reachable = next
            guard reachable.contains(true) else { return false }
        }
        return reachable[text.count]
    }
}
