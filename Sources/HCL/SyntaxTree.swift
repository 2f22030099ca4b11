#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The expressions of one parse, stored flat: 16-byte nodes, 32-bit child indices, 32-bit
/// positions, each string once.
///
/// An `Expression` from the parser is a handle (this tree and a node index); its `kind` and
/// `range` are built from the nodes when asked for. A position is stored as its byte offset;
/// line and column come back from the line table (the offsets where lines start, split at LF as
/// the lexer does). A position the line table would not give back exactly (the end of a newline
/// token, which stays on its line) is kept whole in `irregularPositions` instead.
///
/// Only the parse that creates a tree appends to it; once the parse returns, nothing changes it,
/// so handles share it across threads.
///
/// Records in `extras` (`a` is their start; `none` marks a missing optional child):
/// - template: style (0 quoted, 1 JSON, 2 heredoc, 3 indented heredoc), delimiter string, part count, parts
/// - scopeTraversal: root string, root end, step count, steps
/// - relativeTraversal: source, step count, steps
/// - functionCall: name string, name end, `(` start and end, `)` start and end, argument count, arguments
/// - tuple: count, elements; object: count, then key and value of each item
/// - index: collection, key, bracket start and end; splat: source, each, marker start and end
/// - forExpression: key name, value name, key name start and end, value name start and end,
///   collection, key expression, value expression, condition
/// - conditional: condition, true result, false result; binary: left, right
/// - ifPart: condition, true count, false count, true parts, false parts
/// - forPart: key name, value name, collection, part count, parts
/// Other nodes keep their one value in `a`: a literal (see `literal(_:)`), the operand of
/// `unary` and `parenthesized`, a step's name, a literal part's text, an interpolation's expression.
final class SyntaxTree: @unchecked Sendable {
    static let none = UInt32.max
    /// From this size on (bytes), the arrays are reserved ahead (see `init`).
    static let largeFile = 1 << 20
    private static let irregular: UInt32 = 0x8000_0000

    // Only the parse appends, on one thread, and nothing else runs then: no access needs a check.
    @exclusivity(unchecked) var nodes: [SyntaxNode] = []
    @exclusivity(unchecked) var extras: [UInt32] = []
    @exclusivity(unchecked) var strings: [String] = []
    @exclusivity(unchecked) var numbers: [Double] = []
    @exclusivity(unchecked) var irregularPositions: [SourcePosition] = []
    /// The offset (from `base`) of the first byte of each line.
    let lineStarts: [UInt32]
    /// The position of the first byte of the parsed text.
    let base: SourcePosition

    init(buffer: UnsafeBufferPointer<UInt8>, base: SourcePosition) {
        self.base = base
        var starts: [UInt32] = [0]
        // A large file gets room for about as many nodes, records and lines as such files need,
        // so its arrays are not copied as they grow; room not written to takes no memory.
        if buffer.count >= SyntaxTree.largeFile {
            starts.reserveCapacity(buffer.count / 16)
            nodes.reserveCapacity(buffer.count / 8)
            extras.reserveCapacity(buffer.count / 4)
        }
        if let start = buffer.baseAddress {
            var offset = 0
            let count = buffer.count
            while offset < count, let found = memchr(start + offset, 0x0A, count - offset) {
                offset = start.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(UInt32(truncatingIfNeeded: offset))
            }
        }
        lineStarts = buffer.count < SyntaxTree.largeFile ? SyntaxTree.exactCopy(starts) : starts
    }

    // MARK: Positions

    /// The line (0-based from `base`) holding `offset`.
    @inline(__always)
    private func lineIndex(of offset: UInt32) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) >> 1
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    @inline(__always)
    private func regularPosition(offset: Int, lineIndex: Int) -> SourcePosition {
        let lineStart = Int(lineStarts[lineIndex])
        let column = lineIndex == 0 ? base.column + offset - lineStart : offset - lineStart + 1
        return SourcePosition(line: base.line + lineIndex, column: column, byte: base.byte + offset)
    }

    /// The stored form of `position`.
    @inline(__always)
    func encode(_ position: SourcePosition) -> UInt32 {
        let offset = position.byte - base.byte
        let index = position.line - base.line
        if offset >= 0, offset < Int(SyntaxTree.irregular), index >= 0, index < lineStarts.count,
           Int(lineStarts[index]) <= offset, index + 1 == lineStarts.count || offset < Int(lineStarts[index + 1]),
           position.column == (index == 0 ? base.column + offset - Int(lineStarts[0]) : offset - Int(lineStarts[index]) + 1) {
            return UInt32(offset)
        }
        irregularPositions.append(position)
        return SyntaxTree.irregular | UInt32(truncatingIfNeeded: irregularPositions.count - 1)
    }

    /// The position stored as `value`.
    func position(_ value: UInt32) -> SourcePosition {
        var line = -1
        return position(value, line: &line)
    }

    /// The position stored as `value`; `line` is the line (0-based from `base`) to try first,
    /// then the line of the position.
    @inline(__always)
    func position(_ value: UInt32, line: inout Int) -> SourcePosition {
        if value & SyntaxTree.irregular != 0 { return irregularPositions[Int(value & ~SyntaxTree.irregular)] }
        let onLine = line >= 0 && line < lineStarts.count && lineStarts[line] <= value && (line + 1 == lineStarts.count || value < lineStarts[line + 1])
        if !onLine { line = lineIndex(of: value) }
        return regularPosition(offset: Int(value), lineIndex: line)
    }

    /// The range from the stored `start` to the stored `end`.
    func range(_ start: UInt32, _ end: UInt32) -> SourceRange {
        var line = -1
        return range(start, end, line: &line)
    }

    /// The range from the stored `start` to the stored `end`, trying `line` first (see `position(_:line:)`).
    @inline(__always)
    func range(_ start: UInt32, _ end: UInt32, line: inout Int) -> SourceRange {
        let first = position(start, line: &line)
        return SourceRange(start: first, end: position(end, line: &line))
    }

    /// The range of node `id`.
    func range(of id: UInt32) -> SourceRange {
        let node = nodes[Int(id)]
        return range(node.start, node.end)
    }

    // MARK: Building

    /// Appends a node; returns its index.
    @inline(__always)
    func add(_ tag: SyntaxNodeTag, _ range: SourceRange, flag: UInt8 = 0, a: UInt32 = 0) -> UInt32 {
        let id = UInt32(truncatingIfNeeded: nodes.count)
        nodes.append(SyntaxNode(tag: tag, flag: flag, start: encode(range.start), end: encode(range.end), a: a))
        return id
    }

    /// The index the next record in `extras` starts at.
    @inline(__always)
    var nextExtra: UInt32 { UInt32(truncatingIfNeeded: extras.count) }

    /// Stores `value` as a node's `a` for a literal node, or for an index step (with `flag` the literal's tag).
    func literal(_ value: LiteralValue) -> (tag: SyntaxNodeTag, a: UInt32) {
        switch value {
        case .number(let number):
            if number >= 0, number < Double(SyntaxTree.irregular), number.rounded(.towardZero) == number, number.sign == .plus {
                return (.number, UInt32(number))
            }
            numbers.append(number)
            return (.number, SyntaxTree.irregular | UInt32(truncatingIfNeeded: numbers.count - 1))
        case .bool(let flag): return (.bool, flag ? 1 : 0)
        case .null: return (.null, 0)
        case .string(let text):
            strings.append(text)
            return (.string, UInt32(truncatingIfNeeded: strings.count - 1))
        }
    }

    /// Ends the parse: the arrays of a small file are copied at their exact size, so a tree of
    /// many small files keeps no room that growing by doubling left.
    func finish(sourceSize: Int) {
        guard sourceSize < SyntaxTree.largeFile else { return }
        nodes = SyntaxTree.exactCopy(nodes)
        extras = SyntaxTree.exactCopy(extras)
        strings = SyntaxTree.exactCopy(strings)
    }

    private static func exactCopy<Element>(_ array: [Element]) -> [Element] {
        if array.capacity == array.count { return array }
        // An empty array shares the standard library's empty storage: creating one through
        // `unsafeUninitializedCapacity` writes its count there, a race ThreadSanitizer reports.
        if array.isEmpty { return [] }
        return array.withUnsafeBufferPointer { source in
            [Element](unsafeUninitializedCapacity: source.count) { buffer, initialized in
                if let from = source.baseAddress { buffer.baseAddress!.initialize(from: from, count: source.count) }
                initialized = source.count
            }
        }
    }

    // MARK: Reading

    /// The literal stored as `a` with `tag`.
    func literalValue(_ tag: SyntaxNodeTag, _ a: UInt32) -> LiteralValue {
        switch tag {
        case .number: return .number(a & SyntaxTree.irregular != 0 ? numbers[Int(a & ~SyntaxTree.irregular)] : Double(a))
        case .bool: return .bool(a != 0)
        case .string: return .string(strings[Int(a)])
        default: return .null
        }
    }

    @inline(__always)
    func extra(_ index: UInt32, _ offset: Int) -> UInt32 { extras[Int(index) + offset] }

    @inline(__always)
    private func handle(_ id: UInt32) -> Expression { Expression(tree: self, id: id) }

    private func optionalHandle(_ id: UInt32) -> Expression? { id == SyntaxTree.none ? nil : handle(id) }

    private func optionalString(_ id: UInt32) -> String? { id == SyntaxTree.none ? nil : strings[Int(id)] }

    /// The values made from the `count` indices at `extras[start...]`.
    @inline(__always)
    private func list<Element>(_ start: Int, _ count: Int, _ make: (UInt32) -> Element) -> [Element] {
        if count == 0 { return [] }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { (buffer.baseAddress! + i).initialize(to: make(extras[start + i])) }
            initialized = count
        }
    }

    private func handles(_ start: Int, _ count: Int) -> [Expression] { list(start, count, handle) }

    private func steps(_ start: Int, _ count: Int, line: inout Int) -> [TraversalStep] {
        var stepLine = line
        return list(start, count) { step($0, line: &stepLine) }
    }

    private func step(_ id: UInt32, line: inout Int) -> TraversalStep {
        let node = nodes[Int(id)]
        let range = range(node.start, node.end, line: &line)
        if node.tag == .attributeStep { return .attribute(name: strings[Int(node.a)], range: range) }
        return .index(key: literalValue(SyntaxNodeTag(rawValue: node.flag) ?? .null, node.a), range: range)
    }

    private func parts(_ start: Int, _ count: Int) -> [TemplatePart] { list(start, count, part) }

    private func part(_ id: UInt32) -> TemplatePart {
        let node = nodes[Int(id)]
        let range = range(node.start, node.end)
        let e = Int(node.a)
        switch node.tag {
        case .literalPart: return .literal(strings[e], range)
        case .interpolationPart: return .interpolation(handle(node.a), range)
        case .ifPart:
            let trueCount = Int(extras[e + 1])
            let falseCount = Int(extras[e + 2])
            return .ifDirective(TemplateIf(condition: handle(extras[e]), trueParts: parts(e + 3, trueCount), falseParts: parts(e + 3 + trueCount, falseCount), range: range))
        default:
            return .forDirective(TemplateFor(keyVariable: optionalString(extras[e]), valueVariable: strings[Int(extras[e + 1])], collection: handle(extras[e + 2]), body: parts(e + 4, Int(extras[e + 3])), range: range))
        }
    }

    /// The template record at `extras[e...]`.
    func template(_ e: Int) -> Template {
        let style: Template.Style
        switch extras[e] {
        case 0: style = .quoted
        case 1: style = .json
        default: style = .heredoc(delimiter: strings[Int(extras[e + 1])], indented: extras[e] == 3)
        }
        return Template(parts: parts(e + 3, Int(extras[e + 2])), style: style)
    }

    /// The shape of expression node `id` (what `kind(of:)` would return, without building it).
    func shape(of id: UInt32) -> ExpressionShape {
        switch nodes[Int(id)].tag {
        case .number, .bool, .null, .string: return .literal
        case .template: return .template
        case .scopeTraversal: return .scopeTraversal
        case .relativeTraversal: return .relativeTraversal
        case .functionCall: return .functionCall
        case .tuple: return .tuple
        case .object: return .object
        case .index: return .index
        case .splat: return .splat
        case .splatElement: return .splatElement
        case .forExpression: return .forExpression
        case .conditional: return .conditional
        case .unary: return .unary
        case .binary: return .binary
        case .parenthesized: return .parenthesized
        default: return .invalid
        }
    }

    /// The kind of expression node `id`, with handles for its children.
    func kind(of id: UInt32) -> ExpressionKind {
        let node = nodes[Int(id)]
        let e = Int(node.a)
        switch node.tag {
        case .number, .bool, .null, .string:
            return .literal(literalValue(node.tag, node.a))
        case .template:
            return .template(template(e))
        case .scopeTraversal:
            var line = -1
            let rootRange = range(node.start, extras[e + 1], line: &line)
            return .scopeTraversal(Traversal(root: strings[Int(extras[e])], rootRange: rootRange, steps: steps(e + 3, Int(extras[e + 2]), line: &line)))
        case .relativeTraversal:
            var line = -1
            return .relativeTraversal(source: handle(extras[e]), steps: steps(e + 2, Int(extras[e + 1]), line: &line))
        case .functionCall:
            var line = -1
            let nameRange = range(node.start, extras[e + 1], line: &line)
            let openParenRange = range(extras[e + 2], extras[e + 3], line: &line)
            let closeParenRange = range(extras[e + 4], extras[e + 5], line: &line)
            let call = FunctionCall(
                name: strings[Int(extras[e])], nameRange: nameRange,
                arguments: handles(e + 7, Int(extras[e + 6])), expandsFinalArgument: node.flag != 0,
                openParenRange: openParenRange, closeParenRange: closeParenRange)
            return .functionCall(call)
        case .tuple:
            return .tuple(handles(e + 1, Int(extras[e])))
        case .object:
            let count = Int(extras[e])
            if count == 0 { return .object([]) }
            let items = [ObjectItem](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    (buffer.baseAddress! + i).initialize(to: ObjectItem(key: handle(extras[e + 1 + 2 * i]), value: handle(extras[e + 2 + 2 * i])))
                }
                initialized = count
            }
            return .object(items)
        case .index:
            return .index(collection: handle(extras[e]), key: handle(extras[e + 1]), bracketRange: range(extras[e + 2], extras[e + 3]))
        case .splat:
            return .splat(Splat(source: handle(extras[e]), each: handle(extras[e + 1]), style: node.flag == 0 ? .attribute : .full, markerRange: range(extras[e + 2], extras[e + 3])))
        case .splatElement:
            return .splatElement
        case .forExpression:
            let keyName = extras[e]
            return .forExpression(ForExpression(
                keyVariable: optionalString(keyName), valueVariable: strings[Int(extras[e + 1])],
                keyVariableRange: keyName == SyntaxTree.none ? nil : range(extras[e + 2], extras[e + 3]),
                valueVariableRange: range(extras[e + 4], extras[e + 5]),
                collection: handle(extras[e + 6]), keyExpression: optionalHandle(extras[e + 7]),
                valueExpression: handle(extras[e + 8]), condition: optionalHandle(extras[e + 9]), isGrouped: node.flag != 0))
        case .conditional:
            return .conditional(condition: handle(extras[e]), trueResult: handle(extras[e + 1]), falseResult: handle(extras[e + 2]))
        case .unary:
            return .unary(node.flag == 0 ? .not : .negate, handle(node.a))
        case .binary:
            return .binary(BinaryOperator.allCases[Int(node.flag)], handle(extras[e]), handle(extras[e + 1]))
        case .parenthesized:
            return .parenthesized(handle(node.a))
        default:
            return .invalid
        }
    }
}
