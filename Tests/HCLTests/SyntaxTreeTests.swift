import Testing
@testable import HCL

/// The flat storage of parsed expressions: ranges rebuilt from the line table, positions it
/// cannot rebuild, large files, and handles against expressions built by hand.
@Suite struct SyntaxTreeTests {
    @Test func aNewlineTokenKeepsItsOwnLineInARange() {
        // The missing false result stands on the newline token, whose end stays on line 1
        // although its byte offset is where line 2 starts.
        let result = parse("a = b ? c\nz = 1\n", fileName: "x.tf")
        #expect(result.diagnostics.map(\.subject) == [SourceRange(1, 10, 9, 1, 11, 10)])
        let expression = result.body.attributes[0].expression
        guard case .conditional(_, _, let falseResult) = expression.kind else {
            Issue.record("expected a conditional, got \(expression.kind)")
            return
        }
        #expect(falseResult.kind == .invalid)
        #expect(falseResult.range == SourceRange(1, 10, 9, 1, 11, 10))
        #expect(expression.range == SourceRange(1, 5, 4, 1, 10, 9))
        #expect(result.body.attributes[1].range == SourceRange(2, 1, 10, 2, 6, 15))
    }

    @Test func everyExpressionsShapeIsItsKindsCase() {
        let text = """
            a = [1, true, null, "s", "x${y}", var.x, f(1)[0], { k = 1 }, m[var.k], l[*].id, l.*.id]
            b = { for k, v in m : k => v if v }
            c = x ? -1 : !y
            d = (1 + 2)
            e = f(z...)
            g = <<EOT
              h ${i}
            EOT

            """
        let result = parse(text, fileName: "x.tf")
        #expect(result.diagnostics == [])
        var shapes: [ExpressionShape] = []
        func walk(_ expression: Expression) {
            #expect(expression.shape == ExpressionShape(expression.kind))
            shapes.append(expression.shape)
            switch expression.kind {
            case .tuple(let items): items.forEach(walk)
            case .object(let items): items.forEach { walk($0.key); walk($0.value) }
            case .functionCall(let call): call.arguments.forEach(walk)
            case .index(let collection, let key, _): walk(collection); walk(key)
            case .splat(let splat): walk(splat.source); walk(splat.each)
            case .relativeTraversal(let source, _): walk(source)
            case .forExpression(let loop): walk(loop.collection); walk(loop.valueExpression); loop.keyExpression.map(walk); loop.condition.map(walk)
            case .conditional(let condition, let whenTrue, let whenFalse): walk(condition); walk(whenTrue); walk(whenFalse)
            case .unary(_, let operand): walk(operand)
            case .binary(_, let left, let right): walk(left); walk(right)
            case .parenthesized(let inner): walk(inner)
            case .template, .literal, .scopeTraversal, .splatElement, .invalid: break
            }
        }
        result.body.attributes.forEach { walk($0.expression) }
        #expect(Set(shapes) == [
            .literal, .template, .scopeTraversal, .relativeTraversal, .functionCall, .tuple, .object, .index, .splat,
            .splatElement, .forExpression, .conditional, .unary, .binary, .parenthesized,
        ])
        // An expression built by hand has the shape of the kind it was given.
        #expect(Expression(.invalid, range: SourceRange(at: .fileStart)).shape == .invalid)
        #expect(Expression(.tuple([]), range: SourceRange(at: .fileStart)).shape == .tuple)
    }

    @Test func rangesInAFileOverOneMebibyteComeBackExactly() {
        var text = ""
        var index = 0
        while text.utf8.count < (1 << 20) + 1000 {
            text += "v\(index) = \"value_\(index)\" # c\r\nw\(index) = x.y\r[0]\n"
            index += 1
        }
        text += "last = merge(var.a, { k = \"é\" })\n"
        let result = parse(text, fileName: "big.tf")
        #expect(result.diagnostics == [])
        #expect(result.body.attributes.count == 48_131)
        let last = result.body.attributes[48_130]
        #expect(last.range == SourceRange(48_131, 1, 1_049_595, 48_131, 34, 1_049_628))
        guard case .functionCall(let call) = last.expression.kind else {
            Issue.record("expected a call, got \(last.expression.kind)")
            return
        }
        #expect(call.nameRange == SourceRange(48_131, 8, 1_049_602, 48_131, 13, 1_049_607))
        #expect(call.openParenRange == SourceRange(48_131, 13, 1_049_607, 48_131, 14, 1_049_608))
        #expect(call.closeParenRange == SourceRange(48_131, 33, 1_049_627, 48_131, 34, 1_049_628))
        #expect(call.arguments.map(\.range) == [
            SourceRange(48_131, 14, 1_049_608, 48_131, 19, 1_049_613),
            SourceRange(48_131, 21, 1_049_615, 48_131, 33, 1_049_627),
        ])
        #expect(call.arguments[1].kind == .object([
            ObjectItem(key: Expression(.literal(.string("k")), range: SourceRange(48_131, 23, 1_049_617, 48_131, 24, 1_049_618)),
                       value: Expression(.literal(.string("é")), range: SourceRange(48_131, 27, 1_049_621, 48_131, 31, 1_049_625))),
        ]))
        // A lone CR does not end a line: the index after it is on the same line as its traversal.
        let second = result.body.attributes[1].expression
        #expect(second.range == SourceRange(2, 6, 25, 2, 13, 32))
        #expect(second.asTraversal?.steps.map(\.range) == [SourceRange(2, 7, 26, 2, 9, 28), SourceRange(2, 10, 29, 2, 13, 32)])
    }

    @Test func aParsedExpressionEqualsTheSameExpressionBuiltByHand() {
        let parsed = parse("a = x.y[0]\n", fileName: "x.tf").body.attributes[0].expression
        let traversal = Traversal(root: "x", rootRange: SourceRange(1, 5, 4, 1, 6, 5), steps: [
            .attribute(name: "y", range: SourceRange(1, 6, 5, 1, 8, 7)),
            .index(key: .number(0), range: SourceRange(1, 8, 7, 1, 11, 10)),
        ])
        let built = Expression(.scopeTraversal(traversal), range: SourceRange(1, 5, 4, 1, 11, 10))
        #expect(parsed == built)
        #expect(Set([parsed, built]).count == 1)
        let moved = Expression(.scopeTraversal(traversal), range: SourceRange(2, 5, 4, 2, 11, 10))
        #expect(parsed != moved)
    }

    @Test func aParsedExpressionCanBeGivenAnotherKind() {
        var expression = parse("a = x.y\n", fileName: "x.tf").body.attributes[0].expression
        expression.kind = .literal(.null)
        #expect(expression.kind == .literal(.null))
        #expect(expression.range == SourceRange(1, 5, 4, 1, 8, 7))
    }
}
