extension Expression {
    /// Every traversal the expression refers to, in source order, including those inside
    /// templates, function arguments, `for` expressions and splats.
    ///
    /// Names bound by a `for` expression or template `for` directive are excluded inside it;
    /// `.splatElement` is not a variable. For `x[var.i]` both `x` and `var.i` are listed.
    public func variables() -> [Traversal] {
        var found: [Traversal] = []
        collectVariables(self, bound: [], into: &found)
        return found
    }
}

extension Body {
    /// Every traversal referred to by the body's attributes and nested blocks, in source order.
    public func variables() -> [Traversal] {
        var found: [Traversal] = []
        for attribute in attributes { collectVariables(attribute.expression, bound: [], into: &found) }
        for block in blocks { found += block.body.variables() }
        return found
    }
}

private func collectVariables(_ expression: Expression, bound: [String], into found: inout [Traversal]) {
    switch expression.kind {
    case .literal, .splatElement, .invalid:
        return
    case .template(let template):
        collectVariables(template.parts, bound: bound, into: &found)
    case .scopeTraversal(let traversal):
        if !bound.contains(traversal.root) { found.append(traversal) }
    case .relativeTraversal(let source, _):
        collectVariables(source, bound: bound, into: &found)
    case .functionCall(let call):
        for argument in call.arguments { collectVariables(argument, bound: bound, into: &found) }
    case .tuple(let elements):
        for element in elements { collectVariables(element, bound: bound, into: &found) }
    case .object(let items):
        for item in items {
            collectVariables(item.key, bound: bound, into: &found)
            collectVariables(item.value, bound: bound, into: &found)
        }
    case .index(let collection, let key, _):
        collectVariables(collection, bound: bound, into: &found)
        collectVariables(key, bound: bound, into: &found)
    case .splat(let splat):
        collectVariables(splat.source, bound: bound, into: &found)
        collectVariables(splat.each, bound: bound, into: &found)
    case .forExpression(let forExpression):
        collectVariables(forExpression.collection, bound: bound, into: &found)
        var inner = bound
        inner.append(forExpression.valueVariable)
        if let key = forExpression.keyVariable { inner.append(key) }
        if let key = forExpression.keyExpression { collectVariables(key, bound: inner, into: &found) }
        collectVariables(forExpression.valueExpression, bound: inner, into: &found)
        if let condition = forExpression.condition { collectVariables(condition, bound: inner, into: &found) }
    case .conditional(let condition, let trueResult, let falseResult):
        collectVariables(condition, bound: bound, into: &found)
        collectVariables(trueResult, bound: bound, into: &found)
        collectVariables(falseResult, bound: bound, into: &found)
    case .unary(_, let operand):
        collectVariables(operand, bound: bound, into: &found)
    case .binary(_, let lhs, let rhs):
        collectVariables(lhs, bound: bound, into: &found)
        collectVariables(rhs, bound: bound, into: &found)
    case .parenthesized(let inner):
        collectVariables(inner, bound: bound, into: &found)
    }
}

private func collectVariables(_ parts: [TemplatePart], bound: [String], into found: inout [Traversal]) {
    for part in parts {
        switch part {
        case .literal:
            continue
        case .interpolation(let expression, _):
            collectVariables(expression, bound: bound, into: &found)
        case .ifDirective(let directive):
            collectVariables(directive.condition, bound: bound, into: &found)
            collectVariables(directive.trueParts, bound: bound, into: &found)
            collectVariables(directive.falseParts, bound: bound, into: &found)
        case .forDirective(let directive):
            collectVariables(directive.collection, bound: bound, into: &found)
            var inner = bound
            inner.append(directive.valueVariable)
            if let key = directive.keyVariable { inner.append(key) }
            collectVariables(directive.body, bound: inner, into: &found)
        }
    }
}
