import Foundation

/// Answers computed once per key, safe to share between threads.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    func value(for key: Key, _ compute: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] { lock.unlock(); return known }
        lock.unlock()
        let value = compute()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }
}
