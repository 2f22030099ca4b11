/// Any node of a Python syntax tree, for walking the tree without knowing node types.
///
/// `kindName` is the CPython `ast` class name and `children` follow CPython's field order, so
/// a preorder walk visits nodes in the same order as a preorder walk over `ast.iter_child_nodes`.
///
/// The cases whose nodes are larger than a statement or an expression are `indirect`, so a
/// node is as small as those (56 bytes rather than 328): walks copy every node they visit.
public enum SyntaxNode: Hashable, Sendable {
    /// The root.
    case module(Module)
    /// A statement.
    case statement(Statement)
    /// An expression.
    case expression(Expression)
    /// A `case` pattern.
    case pattern(Pattern)
    /// A parameter list (`arguments`).
    indirect case arguments(Arguments)
    /// One parameter (`arg`).
    indirect case parameter(Parameter)
    /// A keyword argument of a call or class header (`keyword`).
    indirect case keyword(KeywordArgument)
    /// An imported name (`alias`).
    indirect case alias(Alias)
    /// A `with` item (`withitem`).
    indirect case withItem(WithItem)
    /// A comprehension clause.
    indirect case comprehension(Comprehension)
    /// An `except` clause.
    indirect case exceptHandler(ExceptHandler)
    /// A `case` of a `match` (`match_case`).
    indirect case matchCase(MatchCase)
    /// A type parameter (`TypeVar`, `TypeVarTuple`, `ParamSpec`).
    indirect case typeParameter(TypeParameter)

    /// The node's source range.
    public var range: SourceRange {
        switch self {
        case .module(let node): return node.range
        case .statement(let node): return node.range
        case .expression(let node): return node.range
        case .pattern(let node): return node.range
        case .arguments(let node): return node.range
        case .parameter(let node): return node.range
        case .keyword(let node): return node.range
        case .alias(let node): return node.range
        case .withItem(let node): return node.range
        case .comprehension(let node): return node.range
        case .exceptHandler(let node): return node.range
        case .matchCase(let node): return node.range
        case .typeParameter(let node): return node.range
        }
    }

    /// Whether CPython's `ast` gives this kind of node a `lineno`/`col_offset`.
    public var hasCPythonPosition: Bool {
        switch self {
        case .module, .arguments, .withItem, .comprehension, .matchCase: return false
        default: return true
        }
    }

    /// The name of the CPython `ast` class this node mirrors, such as `FunctionDef` or `Call`.
    public var kindName: String {
        switch self {
        case .module: return "Module"
        case .statement(let node): return node.kindName
        case .expression(let node): return node.kindName
        case .pattern(let node): return node.kindName
        case .arguments: return "arguments"
        case .parameter: return "arg"
        case .keyword: return "keyword"
        case .alias: return "alias"
        case .withItem: return "withitem"
        case .comprehension: return "comprehension"
        case .exceptHandler: return "ExceptHandler"
        case .matchCase: return "match_case"
        case .typeParameter(let parameter):
            switch parameter.kind {
            case .typeVar: return "TypeVar"
            case .typeVarTuple: return "TypeVarTuple"
            case .paramSpec: return "ParamSpec"
            }
        }
    }

    /// The direct children, in CPython's field order.
    public var children: [SyntaxNode] {
        var result: [SyntaxNode] = []
        appendChildren(to: &result)
        return result
    }

    /// Visits this node and every node below it in preorder, without recursion.
    public func forEachDescendant(_ visit: (SyntaxNode) throws -> Void) rethrows {
        var stack: [SyntaxNode] = [self]
        while let node = stack.popLast() {
            try visit(node)
            // The children go straight onto the stack, reversed there so the first is visited next.
            var low = stack.count
            node.appendChildren(to: &stack)
            var high = stack.count - 1
            // Swapped in place: reversing the slice would copy it out and back.
            while low < high {
                stack.swapAt(low, high)
                low += 1
                high -= 1
            }
        }
    }

    private func appendChildren(to result: inout [SyntaxNode]) {
        func add(_ expression: Expression?) { if let expression { result.append(.expression(expression)) } }
        func add(_ expressions: [Expression]) { for expression in expressions { result.append(.expression(expression)) } }
        func add(_ statements: [Statement]) { for statement in statements { result.append(.statement(statement)) } }
        func add(_ patterns: [Pattern]) { for pattern in patterns { result.append(.pattern(pattern)) } }
        func add(_ keywords: [KeywordArgument]) { for keyword in keywords { result.append(.keyword(keyword)) } }
        func add(_ generators: [Comprehension]) { for generator in generators { result.append(.comprehension(generator)) } }
        switch self {
        case .module(let module):
            add(module.body)
        case .statement(let statement):
            switch statement.kind {
            case .functionDef(let function):
                result.append(.arguments(function.args))
                add(function.body)
                add(function.decoratorList)
                add(function.returns)
                for parameter in function.typeParams { result.append(.typeParameter(parameter)) }
            case .classDef(let definition):
                add(definition.bases)
                add(definition.keywords)
                add(definition.body)
                add(definition.decoratorList)
                for parameter in definition.typeParams { result.append(.typeParameter(parameter)) }
            case .return(let value): add(value)
            case .delete(let targets): add(targets)
            case .assign(let targets, let value):
                add(targets)
                add(value)
            case .augAssign(let target, _, let value):
                add(target)
                add(value)
            case .annAssign(let target, let annotation, let value, _):
                add(target)
                add(annotation)
                add(value)
            case .for(let target, let iter, let body, let orelse, _):
                add(target)
                add(iter)
                add(body)
                add(orelse)
            case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
                add(test)
                add(body)
                add(orelse)
            case .with(let items, let body, _):
                for item in items { result.append(.withItem(item)) }
                add(body)
            case .match(let subject, let cases):
                add(subject)
                for matchCase in cases { result.append(.matchCase(matchCase)) }
            case .raise(let exc, let cause):
                add(exc)
                add(cause)
            case .try(let body, let handlers, let orelse, let finalbody, _):
                add(body)
                for handler in handlers { result.append(.exceptHandler(handler)) }
                add(orelse)
                add(finalbody)
            case .assert(let test, let message):
                add(test)
                add(message)
            case .import(let names), .importFrom(_, let names, _):
                for name in names { result.append(.alias(name)) }
            case .typeAlias(let name, let typeParams, let value):
                add(name)
                for parameter in typeParams { result.append(.typeParameter(parameter)) }
                add(value)
            case .expr(let value): add(value)
            case .global, .nonlocal, .pass, .break, .continue: break
            }
        case .expression(let expression):
            switch expression.kind {
            case .boolOp(_, let values): add(values)
            case .namedExpr(let target, let value):
                add(target)
                add(value)
            case .binOp(let left, _, let right):
                add(left)
                add(right)
            case .unaryOp(_, let operand): add(operand)
            case .lambda(let args, let body):
                result.append(.arguments(args))
                add(body)
            case .ifExp(let test, let body, let orelse):
                add(test)
                add(body)
                add(orelse)
            case .dict(let keys, let values):
                for key in keys { add(key) }
                add(values)
            case .set(let elements): add(elements)
            case .listComp(let element, let generators), .setComp(let element, let generators),
                 .generatorExp(let element, let generators):
                add(element)
                add(generators)
            case .dictComp(let key, let value, let generators):
                add(key)
                add(value)
                add(generators)
            case .await(let value), .yieldFrom(let value): add(value)
            case .yield(let value): add(value)
            case .compare(let left, _, let comparators):
                add(left)
                add(comparators)
            case .call(let function, let args, let keywords):
                add(function)
                add(args)
                add(keywords)
            case .formattedValue(let value, _, let formatSpec):
                add(value)
                add(formatSpec)
            case .joinedStr(let values): add(values)
            case .constant, .name: break
            case .attribute(let value, _, _): add(value)
            case .subscript(let value, let slice, _):
                add(value)
                add(slice)
            case .starred(let value, _): add(value)
            case .list(let elements, _), .tuple(let elements, _): add(elements)
            case .slice(let lower, let upper, let step):
                add(lower)
                add(upper)
                add(step)
            }
        case .pattern(let pattern):
            switch pattern.kind {
            case .matchValue(let value): add(value)
            case .matchSingleton, .matchStar: break
            case .matchSequence(let patterns), .matchOr(let patterns): add(patterns)
            case .matchMapping(let keys, let patterns, _):
                add(keys)
                add(patterns)
            case .matchClass(let cls, let patterns, _, let keywordPatterns):
                add(cls)
                add(patterns)
                add(keywordPatterns)
            case .matchAs(let inner, _):
                if let inner { result.append(.pattern(inner)) }
            }
        case .arguments(let arguments):
            for parameter in arguments.posonlyargs { result.append(.parameter(parameter)) }
            for parameter in arguments.args { result.append(.parameter(parameter)) }
            if let vararg = arguments.vararg { result.append(.parameter(vararg)) }
            for parameter in arguments.kwonlyargs { result.append(.parameter(parameter)) }
            for value in arguments.kwDefaults { add(value) }
            if let kwarg = arguments.kwarg { result.append(.parameter(kwarg)) }
            add(arguments.defaults)
        case .parameter(let parameter):
            add(parameter.annotation)
        case .keyword(let keyword):
            add(keyword.value)
        case .alias:
            break
        case .withItem(let item):
            add(item.contextExpr)
            add(item.optionalVars)
        case .comprehension(let generator):
            add(generator.target)
            add(generator.iter)
            add(generator.ifs)
        case .exceptHandler(let handler):
            add(handler.type)
            add(handler.body)
        case .matchCase(let matchCase):
            result.append(.pattern(matchCase.pattern))
            add(matchCase.guard)
            add(matchCase.body)
        case .typeParameter(let parameter):
            if case .typeVar(let bound) = parameter.kind { add(bound) }
        }
    }
}

extension Statement {
    /// Visits this statement and every statement nested in it (in function and class bodies,
    /// branches, `except` clauses and `case` blocks) in the order `SyntaxNode.forEachDescendant`
    /// reaches them, without recursion and without visiting any other node: statements never
    /// sit inside expressions, so this is that walk with everything else left out.
    public func forEachStatement(_ visit: (Statement) throws -> Void) rethrows {
        var stack: [Statement] = [self]
        while let statement = stack.popLast() {
            try visit(statement)
            // The nested blocks in CPython's field order, pushed last block first, each one
            // reversed, so the first nested statement is visited next.
            func push(_ block: [Statement]) { stack.append(contentsOf: block.reversed()) }
            switch statement.kind {
            case .functionDef(let function): push(function.body)
            case .classDef(let definition): push(definition.body)
            case .for(_, _, let body, let orelse, _), .while(_, let body, let orelse), .if(_, let body, let orelse):
                push(orelse)
                push(body)
            case .with(_, let body, _): push(body)
            case .match(_, let cases):
                for matchCase in cases.reversed() { push(matchCase.body) }
            case .try(let body, let handlers, let orelse, let finalbody, _):
                push(finalbody)
                push(orelse)
                for handler in handlers.reversed() { push(handler.body) }
                push(body)
            case .return, .delete, .assign, .augAssign, .annAssign, .raise, .assert, .import, .importFrom,
                 .global, .nonlocal, .typeAlias, .expr, .pass, .break, .continue:
                break
            }
        }
    }
}

extension Statement {
    /// The name of the CPython `ast` class this statement mirrors.
    public var kindName: String {
        switch kind {
        case .functionDef(let function): return function.isAsync ? "AsyncFunctionDef" : "FunctionDef"
        case .classDef: return "ClassDef"
        case .return: return "Return"
        case .delete: return "Delete"
        case .assign: return "Assign"
        case .augAssign: return "AugAssign"
        case .annAssign: return "AnnAssign"
        case .for(_, _, _, _, let isAsync): return isAsync ? "AsyncFor" : "For"
        case .while: return "While"
        case .if: return "If"
        case .with(_, _, let isAsync): return isAsync ? "AsyncWith" : "With"
        case .match: return "Match"
        case .raise: return "Raise"
        case .try(_, _, _, _, let isStar): return isStar ? "TryStar" : "Try"
        case .assert: return "Assert"
        case .import: return "Import"
        case .importFrom: return "ImportFrom"
        case .global: return "Global"
        case .nonlocal: return "Nonlocal"
        case .typeAlias: return "TypeAlias"
        case .expr: return "Expr"
        case .pass: return "Pass"
        case .break: return "Break"
        case .continue: return "Continue"
        }
    }
}

extension Expression {
    /// The name of the CPython `ast` class this expression mirrors.
    public var kindName: String {
        switch kind {
        case .boolOp: return "BoolOp"
        case .namedExpr: return "NamedExpr"
        case .binOp: return "BinOp"
        case .unaryOp: return "UnaryOp"
        case .lambda: return "Lambda"
        case .ifExp: return "IfExp"
        case .dict: return "Dict"
        case .set: return "Set"
        case .listComp: return "ListComp"
        case .setComp: return "SetComp"
        case .dictComp: return "DictComp"
        case .generatorExp: return "GeneratorExp"
        case .await: return "Await"
        case .yield: return "Yield"
        case .yieldFrom: return "YieldFrom"
        case .compare: return "Compare"
        case .call: return "Call"
        case .formattedValue: return "FormattedValue"
        case .joinedStr: return "JoinedStr"
        case .constant: return "Constant"
        case .attribute: return "Attribute"
        case .subscript: return "Subscript"
        case .starred: return "Starred"
        case .name: return "Name"
        case .list: return "List"
        case .tuple: return "Tuple"
        case .slice: return "Slice"
        }
    }
}

extension Pattern {
    /// The name of the CPython `ast` class this pattern mirrors.
    public var kindName: String {
        switch kind {
        case .matchValue: return "MatchValue"
        case .matchSingleton: return "MatchSingleton"
        case .matchSequence: return "MatchSequence"
        case .matchMapping: return "MatchMapping"
        case .matchClass: return "MatchClass"
        case .matchStar: return "MatchStar"
        case .matchAs: return "MatchAs"
        case .matchOr: return "MatchOr"
        }
    }
}
