import HCL
import Terraform

/// Flags an object or map literal that writes the same key twice (`{ a = 1, a = 2 }`): the
/// last one silently wins. Keys are compared when they are names or literal strings (a
/// quoted and a bare `a` are the same key); computed keys are not judged. The finding is at
/// the repeated key, with `key` and `line` (where it was first written). A block with several
/// instances is reported once.
struct MapDuplicateKeysCheck: BlockSyntaxCheck {
    let name = "map-duplicate-keys"

    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context) else { return [] }
        var verdicts: [CodedVerdict] = []
        for (expression, path) in syntax.expressions {
            guard expression.shape == .object, case .object(let items) = expression.kind else { continue }
            var seen: [String: Int] = [:]
            for item in items {
                guard let key = Self.keyName(item.key) else { continue }
                if let line = seen[key] {
                    verdicts.append(CodedVerdict(.fail(FailureLocation(range: item.key.range, attributePath: path + "." + key)), arguments: ["key": key, "line": String(line)]))
                } else {
                    seen[key] = item.key.range.start.line
                }
            }
        }
        return verdicts
    }

    static func keyName(_ key: Expression) -> String? {
        switch key.kind {
        case .scopeTraversal(let traversal) where traversal.steps.isEmpty: return traversal.root
        case .parenthesized: return nil
        default: return key.staticString
        }
    }
}
