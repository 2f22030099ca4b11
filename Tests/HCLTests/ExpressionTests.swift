import Testing
@testable import HCL

@Suite struct ExpressionTests {
    @Test(arguments: [
        ("1", "1"), ("1.5", "1.5"), ("1e3", "1000"), ("1.5E-2", "0.015"), ("25e+1", "250"), ("-7", "-7"),
        ("true", "true"), ("false", "false"), ("null", "null"),
    ])
    func literals(text: String, expected: String) {
        #expect(shape(text) == expected)
    }

    @Test func stringEscapesAreDecoded() {
        let (expression, diagnostics) = expr(#""a\nb\r\t\"\\\u00e9\U0001F600$${x}%%{y}""#)
        #expect(diagnostics == [])
        #expect(expression.kind == .literal(.string("a\nb\r\t\"\\é😀${x}%{y}")))
        #expect(expression.range == SourceRange(1, 5, 4, 1, 45, 44))
    }

    @Test(arguments: [
        ("a || b && c", "(|| a (&& b c))"),
        ("a && b == c", "(&& a (== b c))"),
        ("a == b < c", "(== a (< b c))"),
        ("a != b >= c", "(!= a (>= b c))"),
        ("a < b + c", "(< a (+ b c))"),
        ("a <= b - c", "(<= a (- b c))"),
        ("a > b * c", "(> a (* b c))"),
        ("a + b * c", "(+ a (* b c))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b % c", "(% (/ a b) c)"),
        ("a * b / c", "(/ (* a b) c)"),
        ("!a == b", "(== (! a) b)"),
        ("-a * b", "(* (- a) b)"),
        ("!!a", "(! (! a))"),
        ("-a.b", "(- a.b)"),
        ("(a + b) * c", "(* (paren (+ a b)) c)"),
        ("a ? b : c ? d : e", "(? a b (? c d e))"),
        ("a || b ? c + 1 : d", "(? (|| a b) (+ c 1) d)"),
        ("1 + 2 * 3 - 4 / 2 >= 5 && !x || y != z", "(|| (&& (>= (- (+ 1 (* 2 3)) (/ 4 2)) 5) (! x)) (!= y z))"),
    ])
    func operatorPrecedence(text: String, expected: String) {
        #expect(shape(text) == expected)
    }

    @Test func binaryAndConditionalRanges() {
        let (sum, _) = expr("1 + 2")
        #expect(sum.range == SourceRange(1, 5, 4, 1, 10, 9))
        guard case .binary(.add, let lhs, let rhs) = sum.kind else { Issue.record("not a sum: \(sum)"); return }
        #expect(lhs.range == SourceRange(1, 5, 4, 1, 6, 5))
        #expect(rhs.range == SourceRange(1, 9, 8, 1, 10, 9))
        let (conditional, _) = expr("a ? b : c")
        #expect(conditional.range == SourceRange(1, 5, 4, 1, 14, 13))
        let (negated, _) = expr("-a")
        #expect(negated.range == SourceRange(1, 5, 4, 1, 7, 6))
    }

    @Test func traversalHasRootAndStepsWithRanges() throws {
        let (expression, diagnostics) = expr("local.a.b[0][\"k\"]")
        #expect(diagnostics == [])
        let traversal = try #require(expression.asTraversal)
        #expect(traversal == Traversal(root: "local", rootRange: SourceRange(1, 5, 4, 1, 10, 9), steps: [
            .attribute(name: "a", range: SourceRange(1, 10, 9, 1, 12, 11)),
            .attribute(name: "b", range: SourceRange(1, 12, 11, 1, 14, 13)),
            .index(key: .number(0), range: SourceRange(1, 14, 13, 1, 17, 16)),
            .index(key: .string("k"), range: SourceRange(1, 17, 16, 1, 22, 21)),
        ]))
        #expect(expression.range == SourceRange(1, 5, 4, 1, 22, 21))
        #expect(traversal.range == expression.range)
        #expect(traversal.description == "local.a.b[0][\"k\"]")
        #expect(traversal.attributePath == ["local", "a", "b"])
    }

    @Test func legacyIndexIsAnIndexStep() throws {
        let (expression, _) = expr("a.0.b.12")
        let traversal = try #require(expression.asTraversal)
        #expect(traversal.steps == [
            .index(key: .number(0), range: SourceRange(1, 6, 5, 1, 8, 7)),
            .attribute(name: "b", range: SourceRange(1, 8, 7, 1, 10, 9)),
            .index(key: .number(12), range: SourceRange(1, 10, 9, 1, 13, 12)),
        ])
        #expect(shape("x.0.1") == "x[0][1]")
    }

    @Test(arguments: [
        ("a[var.i]", "(index a var.i)"),
        ("a[var.i].b", "(rel (index a var.i) .b)"),
        ("f(x).a[0]", "(rel (call f x) .a[0])"),
        ("(a).b", "(rel (paren a) .b)"),
        ("a[*]", "(splat[*] a @)"),
        ("a[*].b", "(splat[*] a (rel @ .b))"),
        ("a.*.b", "(splat.* a (rel @ .b))"),
        ("a.*.b[0]", "(rel (splat.* a (rel @ .b)) [0])"),
        ("a[*].b[0].c", "(splat[*] a (rel @ .b[0].c))"),
        ("a[*].b[*].c", "(splat[*] a (splat[*] (rel @ .b) (rel @ .c)))"),
        ("aws_instance.x[*].id", "(splat[*] aws_instance.x (rel @ .id))"),
        ("a[ * ]", "(splat[*] a @)"),
        ("a[\n0\n]", "a[0]"),
    ])
    func indexAndSplat(text: String, expected: String) {
        #expect(shape(text) == expected)
    }

    @Test func splatMarkerRange() {
        let (expression, _) = expr("a[*].b")
        guard case .splat(let splat) = expression.kind else { Issue.record("not a splat"); return }
        #expect(splat.style == .full)
        #expect(splat.markerRange == SourceRange(1, 6, 5, 1, 9, 8))
        #expect(splat.each.range == SourceRange(1, 9, 8, 1, 11, 10))
        #expect(expression.range == SourceRange(1, 5, 4, 1, 11, 10))
    }

    @Test(arguments: [
        ("f()", "(call f)"),
        ("f(1, 2,)", "(call f 1 2)"),
        ("f(\n  1,\n  2\n)", "(call f 1 2)"),
        ("concat(a, b...)", "(call concat a b ...)"),
        ("provider::aws::arn_parse(x)", "(call provider::aws::arn_parse x)"),
        ("f(g(h(1)))", "(call f (call g (call h 1)))"),
    ])
    func functionCalls(text: String, expected: String) {
        #expect(shape(text) == expected)
    }

    @Test func functionCallRangesAndNamespace() throws {
        let (expression, _) = expr("provider::aws::arn_parse(x)")
        guard case .functionCall(let call) = expression.kind else { Issue.record("not a call"); return }
        #expect(call.namespace == ["provider", "aws"])
        #expect(call.baseName == "arn_parse")
        #expect(call.nameRange == SourceRange(1, 5, 4, 1, 29, 28))
        #expect(call.openParenRange == SourceRange(1, 29, 28, 1, 30, 29))
        #expect(call.closeParenRange == SourceRange(1, 31, 30, 1, 32, 31))
        #expect(expression.range == SourceRange(1, 5, 4, 1, 32, 31))
    }

    @Test(arguments: [
        ("[]", "[]"),
        ("[1, \"a\", true, null]", "[1 \"a\" true null]"),
        ("[\n  1,\n  2\n]", "[1 2]"),
        ("[1, 2,]", "[1 2]"),
        ("{}", "{}"),
        ("{ a = 1, b: 2 }", "{\"a\"=1 \"b\"=2}"),
        ("{\n  a = 1\n  \"b\" = 2\n}", "{\"a\"=1 \"b\"=2}"),
        ("{\n  a = 1,\n  b = [\n    3,\n  ]\n}", "{\"a\"=1 \"b\"=[3]}"),
        ("{ (k) = 1 }", "{(paren k)=1}"),
        ("{ var.k = 1 }", "{var.k=1}"),
        ("{ for = 1 }", "{\"for\"=1}"),
        ("{ \"${p}-x\" = 1 }", "{(template ${p} '-x')=1}"),
    ])
    func tuplesAndObjects(text: String, expected: String) {
        #expect(shape(text) == expected)
    }

    @Test(arguments: [
        ("[for v in xs : v]", "(for v in xs : v)"),
        ("[for i, v in xs : v * i if i > 0]", "(for i,v in xs : (* v i) if (> i 0))"),
        ("{for k, v in m : k => v}", "(for k,v in m : k => v)"),
        ("{for k, v in m : v => k...}", "(for k,v in m : v => k...)"),
        ("{for k, v in m : k => v if v != null}", "(for k,v in m : k => v if (!= v null))"),
        ("[\n  for v in xs :\n  v\n]", "(for v in xs : v)"),
    ])
    func forExpressions(text: String, expected: String) {
        #expect(shape(text) == expected)
    }

    @Test func forExpressionRanges() {
        let (expression, _) = expr("{for k, v in m : k => v}")
        guard case .forExpression(let f) = expression.kind else { Issue.record("not a for"); return }
        #expect(f.producesObject)
        #expect(f.keyVariableRange == SourceRange(1, 10, 9, 1, 11, 10))
        #expect(f.valueVariableRange == SourceRange(1, 13, 12, 1, 14, 13))
        #expect(f.collection.range == SourceRange(1, 18, 17, 1, 19, 18))
        #expect(expression.range == SourceRange(1, 5, 4, 1, 29, 28))
    }

    @Test func standaloneExpressionUsesGivenStart() {
        let result = parseExpression(Array("var.x + 1".utf8), fileName: "v.tfvars", start: SourcePosition(line: 3, column: 7, byte: 40))
        #expect(result.diagnostics == [])
        #expect(dump(result.expression) == "(+ var.x 1)")
        #expect(result.expression.range == SourceRange(3, 7, 40, 3, 16, 49))
        let extra = parseExpression(Array("a b".utf8), fileName: "v")
        #expect(extra.diagnostics.map(\.summary) == ["Extra characters after expression"])
        #expect(extra.diagnostics.first?.subject == SourceRange(1, 3, 2, 1, 4, 3))
    }
}
