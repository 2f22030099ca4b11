import Python
import Threading

/// What the handler checks work out about one `HandlerSubject` and share: one walk of its
/// statements (`Walk`), made on first use.
///
/// About twenty handler checks run on every subject; each used to build the scope and walk the
/// syntax tree again for the calls, statements or `except` clauses it looks at.
final class HandlerSubjectFacts: Sendable {
    /// What one preorder walk of a subject's statements (nested functions included) finds.
    final class Walk: Sendable {
        /// The subject's scope.
        let scope: PythonScope
        /// Whether the subject's own statements import names (so its imports may differ from
        /// the file's).
        let hasOwnImports: Bool
        /// Every statement, at any depth, in preorder (`PythonScope.allStatements`).
        let allStatements: [Statement]
        /// Every call, in source order, with its callee resolved through the scope's imports.
        let calls: [ResolvedCall]
        /// Every `except` clause (`PythonScope.exceptHandlers`).
        let exceptHandlers: [ExceptHandler]
        /// The nodes that can bind a string to a name, in preorder: assignments (`x = …`, `x: T
        /// = …`), named keyword arguments, dict displays, and string constants.
        let bindingNodes: [SyntaxNode]

        /// Walks the statements of `subject` once.
        init(_ subject: HandlerSubject) {
            let statements = subject.statements
            let isFunction = subject.function != nil
            var imports = subject.file.imports
            var hasOwnImports = false
            var allStatements: [Statement] = []
            var sites: [CallSite] = []
            var exceptHandlers: [ExceptHandler] = []
            var bindingNodes: [SyntaxNode] = []
            for statement in statements {
                SyntaxNode.statement(statement).forEachDescendant { node in
                    switch node {
                    case .statement(let inner):
                        allStatements.append(inner)
                        // A function's own imports win over the file's (see `PythonScope.init`).
                        if isFunction, PythonScope.bindImports(of: inner, into: &imports) { hasOwnImports = true }
                        switch inner.kind {
                        case .assign, .annAssign(_, _, _?, _): bindingNodes.append(node)
                        default: break
                        }
                    case .expression(let expression):
                        switch expression.kind {
                        case .call(let function, let args, let keywords):
                            sites.append(CallSite(callee: function.dottedName, function: function, args: args, keywords: keywords, range: expression.range))
                        case .dict, .constant(.string):
                            bindingNodes.append(node)
                        default:
                            break
                        }
                    case .keyword(let keyword) where keyword.name != nil:
                        bindingNodes.append(node)
                    case .exceptHandler(let handler):
                        exceptHandlers.append(handler)
                    default:
                        break
                    }
                }
            }
            let scope = PythonScope(statements: statements, imports: imports)
            self.scope = scope
            self.hasOwnImports = hasOwnImports
            self.allStatements = allStatements
            self.calls = sites.map { ResolvedCall(site: $0, name: scope.qualifiedName($0)) }
            self.exceptHandlers = exceptHandlers
            self.bindingNodes = bindingNodes
        }
    }

    private let walk = Locked<Walk?>(nil)

    /// The walk of `subject` (the subject that owns these facts).
    func walk(of subject: HandlerSubject) -> Walk {
        if let known = walk.withLock({ $0 }) { return known }
        let built = Walk(subject)
        walk.withLock { $0 = built }
        return built
    }
}

/// A call in a handler subject with its callee resolved through the subject's imports, resolved
/// once because nearly every handler check asks for it.
struct ResolvedCall: Sendable {
    /// The call.
    var site: CallSite
    /// `PythonScope.qualifiedName(site)`: `subprocess.run`, `print`; nil when the callee is not
    /// a dotted name.
    var name: String?
}

/// What the handler checks work out about a whole handler file and share between its subjects:
/// the secrets its module-level code holds, found on first use.
final class HandlerFileFacts: Sendable {
    private let moduleSecrets = Locked<[String: String]?>(nil)

    /// The module-level names holding secrets in `file` (the file that owns these facts), with
    /// the file's own imports (`HandlerSecretFlowCheck.taint`).
    func moduleSecrets(of file: HandlerFile) -> [String: String] {
        if let known = moduleSecrets.withLock({ $0 }) { return known }
        let found = HandlerSecretFlowCheck.taint(HandlerSecretFlowCheck.moduleStatements(of: file), imports: file.imports, initial: [:])
        moduleSecrets.withLock { $0 = found }
        return found
    }
}
