import Terraform

/// Flags a Python `aws_lambda_function` whose `handler` names a file or function its package
/// does not have: every invocation fails with `Runtime.ImportModuleError` or
/// `Runtime.HandlerNotFound`. Silent when the package or the handler is unknown, or the file
/// does not parse (that is reported as a problem of its own).
struct HandlerEntryPointCheck: CodedCheck {
    let name = "handler-entry-point"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard let code = HandlerPackageCode(subject, in: context) else { return [] }
        let reference = code.reference
        let location = FailureLocation(range: reference.range, attributePath: "handler")
        if !code.handlerFileExists {
            return [CodedVerdict(.fail(location), arguments: ["handler": reference.handler, "problem": "there is no file \(reference.path)"])]
        }
        guard let facts = code.handlerFacts else { return [] }
        if !facts.functionNames.contains(reference.functionName) {
            return [CodedVerdict(.fail(location), arguments: [
                "handler": reference.handler, "problem": "\(reference.path) defines no module-level function `\(reference.functionName)`",
            ])]
        }
        return []
    }
}
