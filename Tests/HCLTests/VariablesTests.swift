import Testing
@testable import HCL

@Suite struct VariablesTests {
    func names(_ text: String) -> [String] {
        let (expression, diagnostics) = expr(text)
        #expect(diagnostics == [])
        return expression.variables().map(\.description)
    }

    @Test(arguments: [
        ("var.a", ["var.a"]),
        ("\"${var.a} ${local.b[0].c}\"", ["var.a", "local.b[0].c"]),
        ("[for k, v in var.m : \"${k}=${v}-${var.x}\" if v != local.skip]", ["var.m", "var.x", "local.skip"]),
        ("{for k, v in var.m : k => v...}", ["var.m"]),
        ("[for x in var.xs : [for y in x : y + z]]", ["var.xs", "z"]),
        ("aws_instance.x[*].id", ["aws_instance.x"]),
        ("var.list.*.name", ["var.list"]),
        ("f(a.b, [c], {k = d, (e) = 1})", ["a.b", "c", "d", "e"]),
        ("x[var.i]", ["x", "var.i"]),
        ("f(x).y", ["x"]),
        ("\"%{for s in var.list}${s}${var.sep}%{endfor}\"", ["var.list", "var.sep"]),
        ("\"%{if var.on}${a}%{else}${b}%{endif}\"", ["var.on", "a", "b"]),
        ("cond ? -n : !m", ["cond", "n", "m"]),
        ("(a)", ["a"]),
        ("1 + true", []),
    ])
    func variablesInSourceOrder(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test func variablesKeepRanges() {
        let (expression, _) = expr("\"${var.a}\"")
        #expect(expression.variables() == [Traversal(root: "var", rootRange: SourceRange(1, 8, 7, 1, 11, 10), steps: [
            .attribute(name: "a", range: SourceRange(1, 11, 10, 1, 13, 12)),
        ])])
    }

    @Test func bodyVariablesIncludeNestedBlocks() {
        let result = parse("a = var.x\nb {\n  c = local.y\n  d {\n    e = data.z.w\n  }\n}\n", fileName: "main.tf")
        #expect(result.body.variables().map(\.description) == ["var.x", "local.y", "data.z.w"])
    }
}
