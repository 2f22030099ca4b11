import Dispatch

/// Maps over a collection on every core, keeping the input order.
///
/// In the lowest layer, so the parsers' benchmarks, the Terraform loader, the review engine and
/// the reports share it.
public enum ParallelMap {
    /// `transform` applied to every element, concurrently; the results are in input order.
    /// Small inputs run on the calling thread.
    public static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Locked<[Result?]>(Array(repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let value = transform(elements[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}
