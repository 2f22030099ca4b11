import HCL
import Terraform

/// Flags `terraform.workspace` in a module whose backend is `remote`: with the remote backend
/// the value is always `default`, whatever workspace runs it. A block with several instances
/// is reported once.
struct WorkspaceRemoteCheck: CodedCheck {
    let name = "workspace-remote"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context), let module = subject.owningModule(in: context),
              module.terraformSettings.contains(where: { $0.backendType == "remote" }), let syntax = BlockSyntax(of: subject, in: context) else { return [] }
        return syntax.expressions.compactMap { expression, path in
            guard let traversal = expression.asTraversal, traversal.root == "terraform",
                  case .attribute("workspace", _)? = traversal.steps.first else { return nil }
            return CodedVerdict(.fail(FailureLocation(range: expression.range, attributePath: path)))
        }
    }
}
