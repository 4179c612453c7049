import Dispatch
import Foundation

/// Maps a function over values on every core, keeping the order of the input.
public enum ParallelMap {
    public static func map<Value: Sendable, Result: Sendable>(_ values: [Value], _ body: @Sendable (Value) -> Result) -> [Result] {
        let slots = Slots<Result>(count: values.count)
        DispatchQueue.concurrentPerform(iterations: values.count) { index in
            slots.set(index, body(values[index]))
        }
        return slots.values
    }

    private final class Slots<Result>: @unchecked Sendable {
        private var storage: [Result?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Result) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        var values: [Result] { storage.map { $0! } }
    }
}
