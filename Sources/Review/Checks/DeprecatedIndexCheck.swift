import HCL
import Terraform

/// Flags the legacy index syntax of Terraform 0.11: `list.0` for `list[0]` and the attribute
/// splat `list.*.id` for `list[*].id`. Each finding carries `replacement`, the step written
/// the current way. A block with several instances is reported once.
struct DeprecatedIndexCheck: BlockSyntaxCheck {
    let name = "deprecated-index"

    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context) else { return [] }
        var verdicts: [CodedVerdict] = []
        for (expression, path) in syntax.expressions {
            switch expression.shape {
            case .scopeTraversal, .relativeTraversal, .splat: break
            default: continue
            }
            var steps: [TraversalStep] = []
            switch expression.kind {
            case .scopeTraversal(let traversal): steps = traversal.steps
            case .relativeTraversal(_, let relative): steps = relative
            case .splat(let splat) where splat.style == .attribute:
                verdicts.append(CodedVerdict(.fail(FailureLocation(range: splat.markerRange, attributePath: path)), arguments: ["replacement": "[*]"]))
            default: break
            }
            for step in steps {
                guard case .index = step, syntax.file.source[step.range.start.byte] == UInt8(ascii: ".") else { continue }
                verdicts.append(CodedVerdict(.fail(FailureLocation(range: step.range, attributePath: path)), arguments: ["replacement": step.description]))
            }
        }
        return verdicts.sorted { $0.location.start.byte < $1.location.start.byte }
    }
}

extension CodedVerdict {
    /// The range a failing verdict reports (the start of the file for other verdicts).
    var location: SourceRange {
        if case .fail(let location) = verdict { return location.range }
        return SourceRange(at: SourcePosition(line: 1, column: 1, byte: 0))
    }
}
