import Terraform

/// Flags log groups that keep logs for fewer days than `configuration.minimumLogRetentionDays`
/// (`logs: minimum_retention_days` in `.stackreview.yml`, 365 by default). A missing
/// `retention_in_days` or `0` keeps logs forever and passes; an unknown value stays silent.
struct LogRetentionMinimumCheck: CodedCheck {
    let name = "log-retention-minimum"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard let match = subject.body.value(at: "retention_in_days") else { return [] }
        let days: Double
        switch match.value {
        case .number(let number): days = number
        case .string(let text):
            guard let number = Double(text) else { return [] }
            days = number
        default: return []
        }
        let minimum = context.configuration.minimumLogRetentionDays
        guard days > 0, days < Double(minimum) else { return [] }
        return [CodedVerdict(
            .fail(FailureLocation(range: match.range, attributePath: "retention_in_days", value: match.value)),
            arguments: ["days": ValueText.short(match.value), "minimum": String(minimum)])]
    }
}
