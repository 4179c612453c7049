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

    /// Computes two values at once, on two cores when there are.
    public static func both<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                              and second: @Sendable () -> Second) -> (First, Second) {
        let firsts = Slots<First>(count: 1)
        let seconds = Slots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firsts.set(0, first()) } else { seconds.set(0, second()) }
        }
        return (firsts.values[0], seconds.values[0])
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
