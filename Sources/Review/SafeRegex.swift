/// A regular expression engine that runs in time linear in the input, whatever the pattern.
///
/// Rule and configuration files come from repositories under review, so a pattern such as
/// `(a+)+$` must not be able to stall a review. Patterns are compiled to a Thompson NFA and
/// simulated with a set of states per input position (no backtracking). The syntax is the RE2
/// subset Terraform's `regex` uses: literals, `.`, classes `[a-z]` and `[^...]`, `\d \w \s`
/// and their negations, `^ $`, groups `(...)` and `(?:...)`, `|`, `* + ?` and `{m}`, `{m,}`,
/// `{m,n}` (lazy forms accepted; they match the same strings). Backreferences and lookaround
/// cannot be run in linear time and are rejected.
public struct SafeRegex: Sendable, Hashable {
    enum Instruction: Sendable, Hashable {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
        case any
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    let program: [Instruction]
    /// The pattern as written.
    public let pattern: String

    /// The most NFA instructions a pattern may compile to (bounded repetition is expanded).
    static let maximumProgramSize = 20_000

    /// Compiles `pattern`, or throws `SafeRegex.SyntaxError` saying what is wrong.
    public init(_ pattern: String) throws(SyntaxError) {
        var parser = RegexParser(Array(pattern.unicodeScalars))
        let node = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.emit(node)
        compiler.program.append(.match)
        self.program = compiler.program
        self.pattern = pattern
    }

    /// Why `pattern` cannot be compiled, or nil when it can.
    public static func problem(in pattern: String) -> String? {
        do {
            _ = try SafeRegex(pattern)
            return nil
        } catch {
            return error.message
        }
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        var current = StateSet(capacity: program.count)
        var next = StateSet(capacity: program.count)
        for position in 0...input.count {
            // Searching: a new attempt may start at every position.
            add(0, at: position, input: input, to: &current)
            if current.contains(where: { program[$0] == .match }) { return true }
            guard position < input.count else { break }
            let scalar = input[position]
            next.removeAll()
            for pc in current.members {
                switch program[pc] {
                case .scalar(let expected): if scalar == expected { add(pc + 1, at: position + 1, input: input, to: &next) }
                case .set(let set): if set.contains(scalar) { add(pc + 1, at: position + 1, input: input, to: &next) }
                case .any: if scalar != "\n" { add(pc + 1, at: position + 1, input: input, to: &next) }
                default: break
                }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds `pc` and everything reachable from it without consuming input.
    private func add(_ start: Int, at position: Int, input: [Unicode.Scalar], to set: inout StateSet) {
        var stack = [start]
        while let pc = stack.popLast() {
            guard set.insert(pc) else { continue }
            switch program[pc] {
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .jump(let target):
                stack.append(target)
            case .lineStart:
                if position == 0 { stack.append(pc + 1) }
            case .lineEnd:
                if position == input.count { stack.append(pc + 1) }
            default:
                break
            }
        }
    }

    /// A pattern that cannot be compiled.
    public struct SyntaxError: Error, Hashable, Sendable {
        /// What is wrong, in a sentence.
        public var message: String
    }
}

/// A sparse set of program counters with insertion order, cleared in constant time.
struct StateSet {
    private var dense: [Int] = []
    private var sparse: [Int]

    init(capacity: Int) { sparse = Array(repeating: 0, count: capacity) }

    var members: [Int] { dense }

    mutating func insert(_ value: Int) -> Bool {
        let index = sparse[value]
        if index < dense.count, dense[index] == value { return false }
        sparse[value] = dense.count
        dense.append(value)
        return true
    }

    func contains(where predicate: (Int) -> Bool) -> Bool { dense.contains(where: predicate) }

    mutating func removeAll() { dense.removeAll(keepingCapacity: true) }
}

/// A set of Unicode scalars given as ranges, possibly negated.
struct ScalarSet: Sendable, Hashable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let inside = ranges.contains { $0.contains(value) }
        return inside != negated
    }

    static let digits: [ClosedRange<UInt32>] = [48...57]
    static let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]
    static let space: [ClosedRange<UInt32>] = [9...13, 32...32]
}

indirect enum RegexNode {
    case empty
    case scalar(Unicode.Scalar)
    case set(ScalarSet)
    case any
    case lineStart
    case lineEnd
    case concatenation([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
}

struct RegexParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    var depth = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    typealias SyntaxError = SafeRegex.SyntaxError

    mutating func parse() throws(SyntaxError) -> RegexNode {
        let node = try parseAlternation()
        if position < scalars.count {
            throw SyntaxError(message: "unbalanced ')' at position \(position + 1)")
        }
        return node
    }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func parseAlternation() throws(SyntaxError) -> RegexNode {
        var branches = [try parseConcatenation()]
        while peek == "|" {
            position += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseConcatenation() throws(SyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            var atom = try parseAtom()
            while let quantifier = peek, ["*", "+", "?", "{"].contains(quantifier) {
                if quantifier == "{", !looksLikeCount() { break }
                atom = try parseQuantifier(atom)
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : items.isEmpty ? .empty : .concatenation(items)
    }

    func looksLikeCount() -> Bool {
        var index = position + 1
        var sawDigit = false
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; sawDigit = true }
        return sawDigit && index < scalars.count && (scalars[index] == "}" || scalars[index] == ",")
    }

    mutating func parseQuantifier(_ atom: RegexNode) throws(SyntaxError) -> RegexNode {
        guard let scalar = peek else { return atom }
        position += 1
        var result: RegexNode
        switch scalar {
        case "*": result = .repetition(atom, min: 0, max: nil)
        case "+": result = .repetition(atom, min: 1, max: nil)
        case "?": result = .repetition(atom, min: 0, max: 1)
        default:
            let low = readNumber() ?? 0
            var high: Int? = low
            if peek == "," {
                position += 1
                high = readNumber()
            }
            guard peek == "}" else { throw SyntaxError(message: "a repetition count {m,n} is not closed") }
            position += 1
            if let high, high < low { throw SyntaxError(message: "the repetition {\(low),\(high)} has its bounds reversed") }
            if low > 1000 || (high ?? 0) > 1000 { throw SyntaxError(message: "repetition counts above 1000 are not supported") }
            result = .repetition(atom, min: low, max: high)
        }
        if peek == "?" { position += 1 }  // lazy: same set of matching strings
        if peek == "+" { throw SyntaxError(message: "possessive quantifiers are not supported") }
        return result
    }

    mutating func readNumber() -> Int? {
        var value: Int?
        while let scalar = peek, ("0"..."9").contains(scalar) {
            value = min((value ?? 0) * 10 + Int(scalar.value - 48), 100_000)
            position += 1
        }
        return value
    }

    mutating func parseAtom() throws(SyntaxError) -> RegexNode {
        guard let scalar = peek else { return .empty }
        position += 1
        switch scalar {
        case "(":
            depth += 1
            defer { depth -= 1 }
            if depth > 200 { throw SyntaxError(message: "groups are nested more than 200 deep") }
            if peek == "?" {
                position += 1
                if peek == ":" {
                    position += 1
                } else if peek == "P" || peek == "<" {
                    // Named group: (?P<name>...) or (?<name>...); the name does not matter here.
                    if peek == "P" { position += 1 }
                    guard peek == "<" else { throw SyntaxError(message: "unsupported group syntax '(?P'") }
                    while let next = peek, next != ">" { position += 1 }
                    guard peek == ">" else { throw SyntaxError(message: "a group name is not closed with '>'") }
                    position += 1
                } else if peek == "=" || peek == "!" {
                    throw SyntaxError(message: "lookahead '(?\(peek!)' is not supported (it cannot run in linear time)")
                } else {
                    throw SyntaxError(message: "unsupported group flag '(?\(peek.map(String.init) ?? "")'")
                }
            }
            let inner = try parseAlternation()
            guard peek == ")" else { throw SyntaxError(message: "a group '(' is not closed") }
            position += 1
            return inner
        case ")": throw SyntaxError(message: "unbalanced ')'")
        case "*", "+", "?": throw SyntaxError(message: "'\(scalar)' has nothing to repeat")
        case ".": return .any
        case "^": return .lineStart
        case "$": return .lineEnd
        case "[": return .set(try parseClass())
        case "\\": return try parseEscape(inClass: false)
        default: return .scalar(scalar)
        }
    }

    mutating func parseEscape(inClass: Bool) throws(SyntaxError) -> RegexNode {
        guard let scalar = peek else { throw SyntaxError(message: "the pattern ends with a lone backslash") }
        position += 1
        switch scalar {
        case "d": return .set(ScalarSet(ranges: ScalarSet.digits, negated: false))
        case "D": return .set(ScalarSet(ranges: ScalarSet.digits, negated: true))
        case "w": return .set(ScalarSet(ranges: ScalarSet.word, negated: false))
        case "W": return .set(ScalarSet(ranges: ScalarSet.word, negated: true))
        case "s": return .set(ScalarSet(ranges: ScalarSet.space, negated: false))
        case "S": return .set(ScalarSet(ranges: ScalarSet.space, negated: true))
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "A" where !inClass: return .lineStart
        case "z" where !inClass: return .lineEnd
        case "1"..."9": throw SyntaxError(message: "backreferences (\\\(scalar)) are not supported (they cannot run in linear time)")
        case "b", "B": throw SyntaxError(message: "word boundaries (\\\(scalar)) are not supported")
        default:
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) {
                throw SyntaxError(message: "unknown escape '\\\(scalar)'")
            }
            return .scalar(scalar)
        }
    }

    mutating func parseClass() throws(SyntaxError) -> ScalarSet {
        var negated = false
        if peek == "^" { negated = true; position += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while let scalar = peek, scalar != "]" || first {
            first = false
            position += 1
            var low: UInt32
            if scalar == "\\" {
                switch try parseEscape(inClass: true) {
                case .scalar(let escaped): low = escaped.value
                case .set(let set) where !set.negated:
                    ranges += set.ranges
                    continue
                default: throw SyntaxError(message: "negated classes like \\D cannot be used inside [...]")
                }
            } else if scalar == "[", peek == ":" {
                throw SyntaxError(message: "POSIX classes like [:alpha:] are not supported; write the ranges out")
            } else {
                low = scalar.value
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard var high = peek?.value else { break }
                position += 1
                if high == UInt32(("\\" as Unicode.Scalar).value) {
                    guard case .scalar(let escaped) = try parseEscape(inClass: true) else {
                        throw SyntaxError(message: "a class range cannot end in a class escape")
                    }
                    high = escaped.value
                }
                guard low <= high else { throw SyntaxError(message: "the class range is reversed") }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        guard peek == "]" else { throw SyntaxError(message: "a class '[' is not closed with ']'") }
        position += 1
        return ScalarSet(ranges: ranges, negated: negated)
    }
}

struct RegexCompiler {
    var program: [SafeRegex.Instruction] = []

    typealias SyntaxError = SafeRegex.SyntaxError

    mutating func append(_ instruction: SafeRegex.Instruction) throws(SyntaxError) {
        guard program.count < SafeRegex.maximumProgramSize else {
            throw SyntaxError(message: "the pattern is too large once its repetitions are expanded")
        }
        program.append(instruction)
    }

    mutating func emit(_ node: RegexNode) throws(SyntaxError) {
        switch node {
        case .empty: break
        case .scalar(let scalar): try append(.scalar(scalar))
        case .set(let set): try append(.set(set))
        case .any: try append(.any)
        case .lineStart: try append(.lineStart)
        case .lineEnd: try append(.lineEnd)
        case .concatenation(let items): for item in items { try emit(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    try append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    try append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let low, let high):
            for _ in 0..<low { try emit(inner) }
            if let high {
                var splits: [Int] = []
                for _ in low..<high {
                    splits.append(program.count)
                    try append(.split(program.count + 1, 0))
                    try emit(inner)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let split = program.count
                try append(.split(split + 1, 0))
                try emit(inner)
                try append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }
}
