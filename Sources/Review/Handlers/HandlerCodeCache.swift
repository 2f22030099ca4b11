import Terraform
import Threading

/// What the handler analyses learn about a module's Lambda functions, computed once per module
/// and shared by every check: each function's package, and the parsed code it deploys.
///
/// Several checks (environment, IAM, entry point) look at the same package; without this each
/// would read and parse the package's Python files again. Keyed by function address, so it
/// belongs to one `CheckContext` (one module tree at one revision).
final class HandlerCodeCache: Sendable {
    private let packages = Locked<[String: LambdaPackage]>([:])
    private let references = Locked<[String: LambdaHandlerReference?]>([:])
    private let code = Locked<[String: HandlerPackageCode?]>([:])
    private let roles = Locked<[String: RolePolicies?]>([:])
    private let lambdaReferences = Locked<[LambdaHandlerReference]?>(nil)
    private let lambdaPackages = Locked<[LambdaPackage]?>(nil)
    private let lambdaFunctions = Locked<[Subject]?>(nil)

    /// The statements of a role's known policies, and whether every policy is known.
    typealias RolePolicies = (statements: [PolicyStatement], complete: Bool)

    /// The package of `function`, built on first use.
    func package(of function: Subject, in context: CheckContext) -> LambdaPackage {
        if let known = packages.withLock({ $0[function.address] }) { return known }
        let package = LambdaPackage(function: function, context: context)
        packages.withLock { $0[function.address] = package }
        return package
    }

    /// The handler reference of `function` (`LambdaHandlerReference.resolve`), resolved on first
    /// use: the checks reading its code and the handler review both ask.
    func reference(of function: Subject, in context: CheckContext) -> LambdaHandlerReference? {
        if let known = references.withLock({ $0[function.address] }) { return known }
        let resolved = LambdaHandlerReference.resolve(function, in: context)
        references.withLock { $0[function.address] = .some(resolved) }
        return resolved
    }

    /// The module tree's `aws_lambda_function` subjects, in subject order, found on first use
    /// (the references and the packages of them are gathered separately).
    func lambdaFunctions(in context: CheckContext) -> [Subject] {
        if let known = lambdaFunctions.withLock({ $0 }) { return known }
        let found = context.subjectList.filter { $0.type == "aws_lambda_function" }
        lambdaFunctions.withLock { $0 = found }
        return found
    }

    /// The handler references of the module tree's Lambda functions that have one, in subject
    /// order, resolved on first use: the handler files of both sides ask, and a base module tree
    /// reused from the head is the same tree.
    func lambdaReferences(in context: CheckContext) -> [LambdaHandlerReference] {
        if let known = lambdaReferences.withLock({ $0 }) { return known }
        let resolved = lambdaFunctions(in: context).compactMap { reference(of: $0, in: context) }
        lambdaReferences.withLock { $0 = resolved }
        return resolved
    }

    /// The packages of the module tree's Lambda functions, in subject order, built on first use.
    func lambdaPackages(in context: CheckContext) -> [LambdaPackage] {
        if let known = lambdaPackages.withLock({ $0 }) { return known }
        let built = lambdaFunctions(in: context).map { package(of: $0, in: context) }
        lambdaPackages.withLock { $0 = built }
        return built
    }

    /// The facts of every Python file parsed so far in this process, by path and content id: a
    /// handler that many modules deploy (every environment calling a service module, base and
    /// head when the file did not change) is parsed once.
    private static let factsByFile = Locked<[String: HandlerCodeFacts?]>([:])

    /// The facts of `file` at `path`, or nil when it does not parse; parsed once per process.
    static func facts(path: String, file: Terraform.SourceFile) -> HandlerCodeFacts? {
        let key = path + "\u{0}" + file.contentID
        if let known = factsByFile.withLock({ $0[key] }) { return known }
        let parsed = HandlerCodeFacts(path: path, parsed: .parsed(file))
        factsByFile.withLock { $0[key] = .some(parsed) }
        return parsed
    }

    /// The policies of `role` (a graph node) in this module tree, gathered on first use (both
    /// IAM checks ask for them); nil when the role is not in the module.
    func policies(ofRole role: String, in context: CheckContext) -> RolePolicies? {
        if let known = roles.withLock({ $0[role] }) { return known }
        let gathered = HandlerIAMCheck.statements(ofRole: role, context: context)
        roles.withLock { $0[role] = .some(gathered) }
        return gathered
    }

    /// The code `function` deploys, read and parsed on first use; nil when it is not a Python
    /// function with a known package.
    func code(of function: Subject, in context: CheckContext) -> HandlerPackageCode? {
        if let known = code.withLock({ $0[function.address] }) { return known }
        let built = HandlerPackageCode(reading: function, in: context)
        code.withLock { $0[function.address] = .some(built) }
        return built
    }
}
