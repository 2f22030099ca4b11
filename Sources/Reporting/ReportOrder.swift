import Review

/// The order every reporter lists findings in, so outputs are deterministic.
enum ReportOrder {
    /// Most severe first, then file and position, then identity.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.span != rhs.span { return lhs.span < rhs.span }
            if lhs.identity != rhs.identity { return lhs.identity < rhs.identity }
            return lhs.message.plain < rhs.message.plain
        }
    }

    /// `1 finding`, `2 findings`.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        value == 1 ? "1 \(noun)" : "\(value) \(plural ?? noun + "s")"
    }
}
