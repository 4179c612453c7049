import Synchronization

/// The results of a pure function of text, kept for reuse by every import in the process:
/// workflows repeat the same few expressions, and several analyses read the same values.
/// Bounded: past `capacity` entries it starts over, so an organisation's thousands of
/// repositories do not grow it. Results do not depend on what it holds, only speed does.
final class TextMemo<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `text`, computed by `compute` the first time it is asked for.
    func value(for text: String, compute: (String) -> Value) -> Value {
        if let known = entries.withLock({ $0[text] }) { return known }
        let value = compute(text)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[text] = value
        }
        return value
    }
}
