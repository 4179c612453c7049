import FirebreakModel
import Synchronization

/// The results of a pure function of text, kept for reuse by every import in the process:
/// workflows repeat the same few expressions, and several analyses read the same values.
/// Texts are told apart by their bytes, not by Unicode equivalence (a precomposed `é` and `e`
/// with a combining accent are different texts to a parser counting scalars). Bounded in
/// entries and in the bytes of text kept: past either it starts over, so an organisation's
/// thousands of repositories do not grow it. Results do not depend on what it holds, only speed does.
final class TextMemo<Value: Sendable>: Sendable {
    private struct State {
        var entries: [ExactText: Value] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let maximumBytes: Int

    init(capacity: Int, maximumBytes: Int = 8 << 20) {
        self.capacity = capacity
        self.maximumBytes = maximumBytes
    }

    /// The value for `text`, computed by `compute` the first time it is asked for.
    func value(for text: String, compute: (String) -> Value) -> Value {
        let key = ExactText(text)
        if let known = state.withLock({ $0.entries[key] }) { return known }
        let value = compute(text)
        state.withLock { state in
            let size = text.utf8.count
            if state.entries.count >= capacity || state.bytes + size > maximumBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if state.entries.updateValue(value, forKey: key) == nil { state.bytes += size }
        }
        return value
    }
}
