import Dispatch
import Foundation

/// Maps over a collection on all cores and returns results in input order, so output never depends on timing.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        let box = ResultBox<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            box.set(index, transform(elements[index]))
        }
        return box.values.map { $0! }
    }
}

/// Storage where each slot is written by exactly one iteration of `concurrentPerform`.
private final class ResultBox<Result>: @unchecked Sendable {
    var values: [Result?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result) {
        lock.withLock { values[index] = value }
    }
}
