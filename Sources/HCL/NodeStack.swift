/// A stack of syntax nodes shared by every nesting level of one parse.
///
/// A level notes `count` before it reads its items, pushes them as it goes, and takes them off
/// with `take(from:)` as one array of exactly their number. Nested levels push and take above
/// it, so the stack's storage is reused for the whole file: no array is grown by doubling, no
/// node array in the tree holds unused capacity, and taking moves the nodes (no retain or
/// release of the strings and boxes inside them).
final class NodeStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack: the mark to give to `take(from:)`.
    fileprivate(set) var count = 0

    /// Creates an empty stack.
    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes one element.
    @inline(__always)
    func push(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Element `index` (from the bottom).
    subscript(index: Int) -> Element { base[index] }

    /// The elements from `mark` to the top, in push order, removed from the stack.
    func take(from mark: Int) -> [Element] {
        let taken = count - mark
        guard taken > 0 else { return [] }
        let result = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + mark, count: taken)
            initialized = taken
        }
        count = mark
        return result
    }

    /// The first element above `mark` that satisfies `predicate`.
    func first(from mark: Int, where predicate: (Element) -> Bool) -> Element? {
        UnsafeBufferPointer(start: base + mark, count: count - mark).first(where: predicate)
    }

    /// The elements above `mark`, left on the stack.
    func elements(from mark: Int) -> [Element] {
        Array(UnsafeBufferPointer(start: base + mark, count: count - mark))
    }

    /// The element on top of the stack (the stack must not be empty).
    var top: Element { base[count - 1] }

    /// Appends the elements from `mark` to the top to `array`, in push order, and removes them from the stack.
    func move(from mark: Int, to array: inout [Element]) {
        let taken = count - mark
        guard taken > 0 else { return }
        array.append(contentsOf: UnsafeBufferPointer(start: base + mark, count: taken))
        (base + mark).deinitialize(count: taken)
        count = mark
    }
}

extension NodeStack where Element == ParsedExpression {
    /// Appends the node indices of the elements from `mark` to the top to `array`, and removes them from the stack.
    func moveIDs(from mark: Int, to array: inout [UInt32]) {
        for i in mark..<count { array.append(self[i].id) }
        count = mark
    }
}
