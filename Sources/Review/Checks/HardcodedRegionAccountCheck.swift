import HCL
import Terraform

/// Flags literal AWS regions (`"us-east-1"`) and account ids (twelve digits, alone or inside
/// an ARN) written in resources, data sources and module calls: the module then only works
/// in one account and region. `data.aws_region`, `data.aws_caller_identity` and variables say
/// the same thing portably.
///
/// Only literal text is read (the literal parts of a template count); values that come from
/// variables are fine. AWS-owned ARNs (`arn:aws:iam::aws:policy/…`) have no account id and
/// pass. `provider`, `variable`, `terraform` and `output` blocks are not judged. Each literal
/// is reported once, at the string, with `what` (a region or an account id). A block with
/// several instances is reported once.
struct HardcodedRegionAccountCheck: BlockSyntaxCheck {
    let name = "hardcoded-region-account"

    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard [.resource, .dataSource, .moduleCall].contains(subject.kind), subject.isFirstInstance(in: context) else { return [] }
        return syntax.expressions.compactMap { expression, path in
            guard expression.shape == .literal || expression.shape == .template else { return nil }
            let texts: [String]
            switch expression.kind {
            case .literal(.string(let text)): texts = [text]
            case .template(let template):
                texts = template.parts.compactMap { if case .literal(let text, _) = $0 { return text } else { return nil } }
            default: return nil
            }
            let what = texts.lazy.compactMap(Self.finding).first
            return what.map { CodedVerdict(.fail(FailureLocation(range: expression.range, attributePath: path)), arguments: ["what": $0]) }
        }
    }

    /// What `text` hard-codes, if anything.
    static func finding(in text: String) -> String? {
        if isRegion(text) { return "the region `\(text)`" }
        if let account = accountID(in: text) { return "the account id `\(account)`" }
        return nil
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`.
    static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCIIDigit) else { return false }
        let prefixes: Set<Substring> = ["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "cn"]
        let directions: Set<Substring> = ["east", "west", "north", "south", "central", "northeast", "northwest", "southeast", "southwest"]
        guard prefixes.contains(parts[0]) else { return false }
        if parts.count == 4 { return parts[1] == "gov" && directions.contains(parts[2]) }
        return directions.contains(parts[1])
    }

    /// A twelve-digit run that stands alone or sits in an ARN's account field.
    static func accountID(in text: String) -> String? {
        if text.count == 12, text.allSatisfy(\.isASCIIDigit) { return text }
        guard text.hasPrefix("arn:") else { return nil }
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count >= 5 else { return nil }
        let account = fields[4]
        return account.count == 12 && account.allSatisfy(\.isASCIIDigit) ? String(account) : nil
    }
}

extension Character {
    /// `0` to `9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
