/// A regular expression engine that runs in time linear in the input, whatever the pattern.
///
/// Rule files, configuration and Terraform's `regex`, `regexall` and `replace` functions take
/// patterns from the repository under review, so a pattern such as `(a+)+$` must not be able
/// to stall a review. Patterns compile to a program for a Pike VM: every thread advances in
/// lock step over the input (no backtracking), threads are kept in priority order so matches
/// follow leftmost-first (Perl/RE2) semantics, and each thread carries its capture positions.
///
/// The syntax is the RE2 subset Terraform documents: literals, `.`, classes `[a-z]` and
/// `[^...]`, `\d \w \s` and their negations, `^ $ \A \z`, groups `(...)`, `(?:...)`,
/// `(?P<name>...)` and `(?<name>...)`, `|`, `* + ?` and `{m}`, `{m,}`, `{m,n}` with lazy forms,
/// and the flag `(?i)` at the start. Backreferences and lookaround cannot run in linear time
/// and are rejected with a message saying so.
public struct SafeRegex: Sendable, Hashable {
    enum Instruction: Sendable, Hashable {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
        case any
        /// Try the first target before the second.
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        case textStart
        case textEnd
        case match
    }

    let program: [Instruction]
    let caseInsensitive: Bool
    /// The pattern as written.
    public let pattern: String
    /// The number of capture groups.
    public let groupCount: Int
    /// The names of named groups, by group number (1-based).
    public let groupNames: [Int: String]

    /// The most instructions a pattern may compile to (bounded repetition is expanded).
    static let maximumProgramSize = 20_000

    /// Compiles `pattern`, or throws `SafeRegex.SyntaxError` saying what is wrong.
    public init(_ pattern: String) throws(SyntaxError) {
        var scalars = Array(pattern.unicodeScalars)
        var caseInsensitive = false
        if scalars.starts(with: "(?i)".unicodeScalars) {
            caseInsensitive = true
            scalars.removeFirst(4)
        }
        var parser = RegexParser(scalars)
        let node = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.append(.save(0))
        try compiler.emit(node)
        try compiler.append(.save(1))
        try compiler.append(.match)
        self.program = compiler.program
        self.caseInsensitive = caseInsensitive
        self.pattern = pattern
        self.groupCount = parser.groupCount
        self.groupNames = parser.groupNames
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

    /// One match: where it is and where each group matched, as scalar offsets into the text.
    public struct Match: Sendable, Hashable {
        /// The whole match.
        public var range: Range<Int>
        /// Each capture group's range (index 0 is group 1); nil when the group did not take part.
        public var groups: [Range<Int>?]
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        firstMatch(in: Array(text.unicodeScalars), from: 0) != nil
    }

    /// The leftmost match in `text`, if any.
    public func firstMatch(in text: String) -> Match? {
        firstMatch(in: Array(text.unicodeScalars), from: 0)
    }

    /// Every non-overlapping match, left to right (an empty match advances by one scalar).
    public func allMatches(in text: String) -> [Match] {
        allMatches(in: Array(text.unicodeScalars))
    }

    /// The text of `range` (scalar offsets) in `text`.
    public static func substring(_ text: String, _ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: Array(text.unicodeScalars)[range])
        return String(result)
    }

    /// `text` with every match replaced by `template`, where `$1`, `${1}` and `${name}` stand for
    /// groups and `$$` for a dollar sign (RE2's expansion syntax).
    public func replacing(in text: String, with template: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var position = 0
        for match in allMatches(in: scalars) {
            output.append(contentsOf: scalars[position..<match.range.lowerBound])
            output.append(contentsOf: expand(template, match, scalars).unicodeScalars)
            position = match.range.upperBound
        }
        output.append(contentsOf: scalars[position...])
        return String(output)
    }

    func expand(_ template: String, _ match: Match, _ text: [Unicode.Scalar]) -> String {
        let scalars = Array(template.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        func group(_ number: Int) -> [Unicode.Scalar] {
            if number == 0 { return Array(text[match.range]) }
            guard number <= match.groups.count, let range = match.groups[number - 1] else { return [] }
            return Array(text[range])
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$", index + 1 < scalars.count else {
                output.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if next == "$" {
                output.append("$")
                index += 2
            } else if next == "{", let close = scalars[(index + 2)...].firstIndex(of: "}") {
                let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                if let number = Int(name) {
                    output.append(contentsOf: group(number))
                } else if let number = groupNames.first(where: { $0.value == name })?.key {
                    output.append(contentsOf: group(number))
                }
                index = close + 1
            } else if ("0"..."9").contains(next) {
                var end = index + 1
                while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
                output.append(contentsOf: group(Int(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))) ?? 0))
                index = end
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    func allMatches(in text: [Unicode.Scalar]) -> [Match] {
        var results: [Match] = []
        var start = 0
        while start <= text.count, let match = firstMatch(in: text, from: start) {
            results.append(match)
            start = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
        }
        return results
    }

    /// A thread of the Pike VM: a program counter and its capture slots.
    private struct Thread {
        var pc: Int
        var slots: [Int]
    }

    /// The leftmost-first match starting at or after `start`.
    func firstMatch(in text: [Unicode.Scalar], from start: Int) -> Match? {
        let slotCount = 2 * (groupCount + 1)
        var current: [Thread] = []
        var next: [Thread] = []
        var onList = [Int](repeating: -1, count: program.count)
        var matched: [Int]?
        var position = start
        while true {
            if matched == nil {
                // Searching: a new attempt starts at every position, with the lowest priority.
                add(Thread(pc: 0, slots: [Int](repeating: -1, count: slotCount)), at: position, text: text, to: &current, seen: &onList, generation: position + 1)
            }
            if current.isEmpty { break }
            next.removeAll(keepingCapacity: true)
            let scalar: Unicode.Scalar? = position < text.count ? text[position] : nil
            for thread in current {
                switch program[thread.pc] {
                case .match:
                    matched = thread.slots
                    // Lower-priority threads can no longer win.
                    break
                case .scalar(let expected):
                    if let scalar, equal(scalar, expected) { add(Thread(pc: thread.pc + 1, slots: thread.slots), at: position + 1, text: text, to: &next, seen: &onList, generation: position + 2) }
                    continue
                case .set(let set):
                    if let scalar, set.contains(scalar, caseInsensitive: caseInsensitive) { add(Thread(pc: thread.pc + 1, slots: thread.slots), at: position + 1, text: text, to: &next, seen: &onList, generation: position + 2) }
                    continue
                case .any:
                    if let scalar, scalar != "\n" { add(Thread(pc: thread.pc + 1, slots: thread.slots), at: position + 1, text: text, to: &next, seen: &onList, generation: position + 2) }
                    continue
                default:
                    continue
                }
                break
            }
            swap(&current, &next)
            if position >= text.count { break }
            position += 1
            if matched != nil && current.isEmpty { break }
        }
        guard let slots = matched, slots[0] >= 0, slots[1] >= 0 else { return nil }
        var groups: [Range<Int>?] = []
        for group in 1...max(1, groupCount) where group <= groupCount {
            let low = slots[2 * group], high = slots[2 * group + 1]
            groups.append(low >= 0 && high >= low ? low..<high : nil)
        }
        return Match(range: slots[0]..<slots[1], groups: groups)
    }

    private func equal(_ scalar: Unicode.Scalar, _ expected: Unicode.Scalar) -> Bool {
        if scalar == expected { return true }
        guard caseInsensitive else { return false }
        return ScalarSet.lowercase(scalar) == ScalarSet.lowercase(expected)
    }

    /// Adds `thread` and everything reachable from it without consuming input, in priority
    /// order; `generation` marks which program counters are already on this step's list.
    private func add(_ thread: Thread, at position: Int, text: [Unicode.Scalar], to list: inout [Thread], seen: inout [Int], generation: Int) {
        var stack = [thread]
        while var current = stack.popLast() {
            guard seen[current.pc] != generation else { continue }
            seen[current.pc] = generation
            switch program[current.pc] {
            case .split(let first, let second):
                stack.append(Thread(pc: second, slots: current.slots))
                stack.append(Thread(pc: first, slots: current.slots))
            case .jump(let target):
                stack.append(Thread(pc: target, slots: current.slots))
            case .save(let slot):
                if slot < current.slots.count { current.slots[slot] = position }
                current.pc += 1
                stack.append(current)
            case .textStart:
                if position == 0 { stack.append(Thread(pc: current.pc + 1, slots: current.slots)) }
            case .textEnd:
                if position == text.count { stack.append(Thread(pc: current.pc + 1, slots: current.slots)) }
            default:
                list.append(current)
            }
        }
    }

    /// A pattern that cannot be compiled.
    public struct SyntaxError: Error, Hashable, Sendable {
        /// What is wrong, in a sentence.
        public var message: String
    }
}

/// A set of Unicode scalars given as ranges, possibly negated.
struct ScalarSet: Sendable, Hashable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    func contains(_ scalar: Unicode.Scalar, caseInsensitive: Bool = false) -> Bool {
        var inside = ranges.contains { $0.contains(scalar.value) }
        if !inside, caseInsensitive {
            let lower = Self.lowercase(scalar).value, upper = Self.uppercase(scalar).value
            inside = ranges.contains { $0.contains(lower) || $0.contains(upper) }
        }
        return inside != negated
    }

    /// ASCII lowercase of `scalar` (other scalars unchanged).
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }

    /// ASCII uppercase of `scalar` (other scalars unchanged).
    static func uppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32) ?? scalar : scalar
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
    case repetition(RegexNode, min: Int, max: Int?, lazy: Bool)
    /// A capturing group with its number (1-based).
    case group(RegexNode, Int)
}

struct RegexParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    var depth = 0
    var groupCount = 0
    var groupNames: [Int: String] = [:]

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
        var low = 0
        var high: Int?
        switch scalar {
        case "*": low = 0; high = nil
        case "+": low = 1; high = nil
        case "?": low = 0; high = 1
        default:
            low = readNumber() ?? 0
            high = low
            if peek == "," {
                position += 1
                high = readNumber()
            }
            guard peek == "}" else { throw SyntaxError(message: "a repetition count {m,n} is not closed") }
            position += 1
            if let high, high < low { throw SyntaxError(message: "the repetition {\(low),\(high)} has its bounds reversed") }
            if low > 1000 || (high ?? 0) > 1000 { throw SyntaxError(message: "repetition counts above 1000 are not supported") }
        }
        var lazy = false
        if peek == "?" { position += 1; lazy = true }
        if peek == "+" { throw SyntaxError(message: "possessive quantifiers are not supported") }
        return .repetition(atom, min: low, max: high, lazy: lazy)
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
            var capture: Int?
            if peek == "?" {
                position += 1
                if peek == ":" {
                    position += 1
                } else if peek == "P" || peek == "<" {
                    // Named group: (?P<name>...) or (?<name>...).
                    if peek == "P" { position += 1 }
                    guard peek == "<" else { throw SyntaxError(message: "unsupported group syntax '(?P'") }
                    position += 1
                    let nameStart = position
                    while let next = peek, next != ">" { position += 1 }
                    guard peek == ">" else { throw SyntaxError(message: "a group name is not closed with '>'") }
                    if position > nameStart, ["=", "!"].contains(scalars[nameStart]) {
                        throw SyntaxError(message: "lookbehind '(?<\(scalars[nameStart])' is not supported (it cannot run in linear time)")
                    }
                    groupCount += 1
                    capture = groupCount
                    groupNames[groupCount] = String(String.UnicodeScalarView(scalars[nameStart..<position]))
                    position += 1
                } else if peek == "=" || peek == "!" {
                    throw SyntaxError(message: "lookahead '(?\(peek!)' is not supported (it cannot run in linear time)")
                } else {
                    throw SyntaxError(message: "unsupported group flag '(?\(peek.map(String.init) ?? "")'")
                }
            } else {
                groupCount += 1
                capture = groupCount
            }
            let inner = try parseAlternation()
            guard peek == ")" else { throw SyntaxError(message: "a group '(' is not closed") }
            position += 1
            return capture.map { .group(inner, $0) } ?? inner
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

    /// A split preferring `preferred` (greedy: the loop body; lazy: the exit).
    mutating func split(at index: Int, body: Int, exit: Int, lazy: Bool) {
        program[index] = lazy ? .split(exit, body) : .split(body, exit)
    }

    mutating func emit(_ node: RegexNode) throws(SyntaxError) {
        switch node {
        case .empty: break
        case .scalar(let scalar): try append(.scalar(scalar))
        case .set(let set): try append(.set(set))
        case .any: try append(.any)
        case .lineStart: try append(.textStart)
        case .lineEnd: try append(.textEnd)
        case .concatenation(let items): for item in items { try emit(item) }
        case .group(let inner, let number):
            try append(.save(2 * number))
            try emit(inner)
            try append(.save(2 * number + 1))
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
        case .repetition(let inner, let low, let high, let lazy):
            for _ in 0..<low { try emit(inner) }
            if let high {
                var splits: [Int] = []
                for _ in low..<high {
                    splits.append(program.count)
                    try append(.split(0, 0))
                    try emit(inner)
                }
                for split in splits { self.split(at: split, body: split + 1, exit: program.count, lazy: lazy) }
            } else {
                let split = program.count
                try append(.split(0, 0))
                try emit(inner)
                try append(.jump(split))
                self.split(at: split, body: split + 1, exit: program.count, lazy: lazy)
            }
        }
    }
}
