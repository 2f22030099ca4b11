/// A comment in a reviewed file that silences a rule on the line or block it sits on or above.
///
/// Forms understood:
/// - `# stackreview:ignore <rule-id> <reason> [exp:YYYY-MM-DD]` (also after `//`)
/// - `#checkov:skip=<CKV id>:<reason>`
/// - `#tfsec:ignore:<id>` and `#trivy:ignore:<id>`, optionally followed by `:exp:YYYY-MM-DD`
public struct Suppression: Sendable, Hashable {
    /// Which tool's syntax the comment uses.
    public enum Syntax: String, Sendable, Hashable, Codable {
        /// `stackreview:ignore`.
        case stackreview
        /// `checkov:skip=`.
        case checkov
        /// `tfsec:ignore:`.
        case tfsec
        /// `trivy:ignore:`.
        case trivy
    }

    /// The syntax used.
    public var syntax: Syntax
    /// The id as written: a stackreview rule id, or another tool's id mapped through the rule's references.
    public var ruleReference: String
    /// Why the finding is accepted; empty when the comment gives none (itself reported).
    public var reason: String
    /// The day after which the suppression no longer applies (`YYYY-MM-DD`), if given.
    public var expires: String?
    /// The repository-relative file.
    public var file: String
    /// The 1-based line of the comment.
    public var line: Int

    /// Creates a suppression.
    public init(syntax: Syntax, ruleReference: String, reason: String, expires: String?, file: String, line: Int) {
        self.syntax = syntax
        self.ruleReference = ruleReference
        self.reason = reason
        self.expires = expires
        self.file = file
        self.line = line
    }

    /// Whether the comment names `rule` (by id, or by the other tool's id in its references).
    public func names(_ rule: Rule) -> Bool {
        switch syntax {
        case .stackreview: return ruleReference == rule.id
        case .checkov: return rule.references.checkov.contains(ruleReference) || ruleReference == rule.id
        case .tfsec, .trivy:
            let lowered = ruleReference.lowercased()
            return rule.references.trivy.contains { $0.lowercased() == lowered } || ruleReference == rule.id
        }
    }

    /// Whether this syntax has a place for a reason (stackreview and checkov do; tfsec and
    /// trivy comments do not), so that a missing reason is worth reporting.
    public var hasReasonField: Bool { syntax == .stackreview || syntax == .checkov }

    /// Whether the expiry date has passed on `today` (`YYYY-MM-DD`; such dates compare as text).
    public func hasExpired(today: String) -> Bool {
        guard let expires else { return false }
        return expires < today
    }
}

/// Finds suppression comments in a file's text, line by line, without parsing the language:
/// the markers are distinctive enough, and this keeps suppressions working in files that do
/// not parse.
public enum SuppressionScanner {
    /// Every suppression comment in `text`, in line order. `malformed` receives the lines of
    /// comments that start like a suppression but cannot be read (with the reason).
    public static func scan(_ text: String, file: String) -> (suppressions: [Suppression], malformed: [(line: Int, reason: String)]) {
        scan(lines: text.split(separator: "\n", omittingEmptySubsequences: false), file: file)
    }

    /// `scan(_:file:)` over a text already split at `"\n"` (as `split(separator:)` splits it).
    static func scan(lines: [Substring], file: String) -> (suppressions: [Suppression], malformed: [(line: Int, reason: String)]) {
        var suppressions: [Suppression] = []
        var malformed: [(line: Int, reason: String)] = []
        var lineNumber = 0
        for rawLine in lines {
            lineNumber += 1
            for comment in commentBodies(of: rawLine) {
                switch parse(comment, file: file, line: lineNumber) {
                case .none: continue
                case .suppression(let suppression): suppressions.append(suppression)
                case .malformed(let reason): malformed.append((lineNumber, reason))
                }
                break
            }
        }
        return (suppressions, malformed)
    }

    enum Parsed {
        case none
        case suppression(Suppression)
        case malformed(String)
    }

    /// The text after each `#` or `//` on a line that mentions a known marker: the first one
    /// that parses as a suppression wins, so a `#` inside a string before the real comment does
    /// not hide it.
    static func commentBodies(of line: Substring) -> [Substring] {
        guard mentionsMarker(line) else { return [] }
        var bodies: [Substring] = []
        var index = line.startIndex
        while index < line.endIndex {
            let next = line.index(after: index)
            if line[index] == "#" {
                bodies.append(line[next...])
            } else if line[index] == "/", next < line.endIndex, line[next] == "/" {
                bodies.append(line[line.index(after: next)...])
            }
            index = next
        }
        return bodies
    }

    /// Whether `line` holds `stackreview:`, `checkov:`, `tfsec:` or `trivy:`. Runs on every line
    /// of every file, so it compares UTF-8 bytes before each `:` (no Foundation search).
    static func mentionsMarker(_ line: Substring) -> Bool {
        let bytes = line.utf8
        var index = bytes.startIndex
        while let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")) {
            let before = bytes[..<colon]
            if markers.contains(where: { before.reversed().starts(with: $0) }) { return true }
            index = bytes.index(after: colon)
        }
        return false
    }

    /// The markers' names, reversed (they are matched backwards from a `:`).
    private static let markers: [[UInt8]] = ["stackreview", "checkov", "tfsec", "trivy"].map { Array($0.utf8.reversed()) }

    static func parse(_ comment: Substring, file: String, line: Int) -> Parsed {
        let text = comment.drop(while: { $0 == " " || $0 == "\t" })
        if text.hasPrefix("stackreview:ignore") {
            var words = text.dropFirst("stackreview:ignore".count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard !words.isEmpty else { return .malformed("stackreview:ignore names no rule; write `# stackreview:ignore <rule-id> <reason>`") }
            let rule = words.removeFirst()
            var expires: String?
            if let last = words.last, last.hasPrefix("exp:") {
                let date = String(last.dropFirst(4))
                guard isDate(date) else { return .malformed("the expiry '\(last)' is not a date; write exp:YYYY-MM-DD") }
                expires = date
                words.removeLast()
            }
            return .suppression(Suppression(syntax: .stackreview, ruleReference: rule, reason: words.joined(separator: " "), expires: expires, file: file, line: line))
        }
        if text.hasPrefix("checkov:skip=") {
            let rest = text.dropFirst("checkov:skip=".count).trimmedOfSpaces
            let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let id = parts.first, !id.isEmpty else { return .malformed("checkov:skip= names no check; write `#checkov:skip=CKV_AWS_50:<reason>`") }
            let reason = parts.count > 1 ? String(parts[1]).trimmedOfSpaces : ""
            return .suppression(Suppression(syntax: .checkov, ruleReference: String(id), reason: reason, expires: nil, file: file, line: line))
        }
        for (prefix, syntax) in [("tfsec:ignore:", Suppression.Syntax.tfsec), ("trivy:ignore:", .trivy)] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).first.map(String.init) ?? ""
            var parts = rest.components(separatedBy: ":exp:")
            let id = parts.removeFirst()
            guard !id.isEmpty else { return .malformed("\(prefix) names no check") }
            var expires: String?
            if let date = parts.first {
                guard isDate(date) else { return .malformed("the expiry 'exp:\(date)' is not a date; write exp:YYYY-MM-DD") }
                expires = date
            }
            // tfsec and trivy comments have no reason field.
            return .suppression(Suppression(syntax: syntax, ruleReference: id, reason: "", expires: expires, file: file, line: line))
        }
        return .none
    }

    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        let digits = bytes.enumerated().filter { $0.offset != 4 && $0.offset != 7 }.map(\.element)
        guard digits.allSatisfy({ (48...57).contains($0) }) else { return false }
        let month = Int(text.dropFirst(5).prefix(2)) ?? 0, day = Int(text.suffix(2)) ?? 0
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
