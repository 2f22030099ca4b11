import Testing
@testable import Python

/// A diagnostic as a comparable line: `line:column@offset-line:column@offset summary`.
func describe(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.range) \($0.summary)" }
}

@Suite("Syntax errors: exact diagnostics and recovery")
struct ErrorRecoveryTests {
    @Test func brokenFunctionBodyDoesNotStopLaterFunctions() {
        let source = """
        import os

        def broken(event):
            x = (1 +
            return x

        def ok_one(a, b=2):
            return a

        class K:
            def m(self):
                y = = 2
                return y

        def ok_two(*args, **kwargs):
            pass

        """
        let file = SourceFile(text: source)
        #expect(describe(file.diagnostics) == [
            "4:8@38-4:9@39 '(' was never closed",
            "4:12@42-4:12@42 invalid syntax",
            "12:12@129-12:13@130 invalid syntax",
        ])
        #expect(file.diagnostics[0].detail == "A new statement starts before this bracket is closed. Add the matching closing bracket.")
        #expect(file.diagnostics[1].detail == "Python cannot read the end of the line here. Check the statement for a missing operator, comma or bracket.")
        #expect(file.topLevelFunctions.map(\.name) == ["broken", "ok_one", "ok_two"])
        #expect(file.topLevelFunctions.map(\.parameterNames) == [["event"], ["a", "b"], ["args", "kwargs"]])
        #expect(TreeRendering.render(file).contains("Return 13:8-13:16"))
    }

    @Test func brokenHeaderSkipsItsBodyAndElseClause() {
        let file = SourceFile(text: "def f(:\n    pass\nelse:\n    pass\ndef g(): pass\n")
        #expect(describe(file.diagnostics) == [
            "1:5@5-1:6@6 '(' was never closed",
            "1:6@6-1:7@7 expected a name",
        ])
        #expect(file.diagnostics[1].detail == "Python expected a name here but found ':'.")
        #expect(TreeRendering.render(file) == "FunctionDef g 5:0-5:13\n  arguments 5:6-5:6\n  Pass 5:9-5:13")
    }

    @Test(arguments: [
        ("x = = 1\ny = 2\n", ["1:4@4-1:5@5 invalid syntax"], 1),
        ("if x\n    pass\n", ["1:4@4-1:4@4 expected ':'"], 0),
        ("def f():\nreturn 1\n", ["2:0@9-2:6@15 expected an indented block after function definition on line 1"], 2),
        ("x = \"abc\ny = 1\n", ["1:4@4-1:8@8 unterminated string literal"], 1),
        ("  x = 1\ny = 2\n", ["1:0@0-1:2@2 unexpected indent"], 2),
        ("if a:\n        x = 1\n    y = 2\n", ["3:0@20-3:4@24 unindent does not match any outer indentation level"], 2),
        ("f() = 1\ndel f()\nx + 1 += 2\n", [
            "1:0@0-1:3@3 cannot assign to function call",
            "2:4@12-2:7@15 cannot delete function call",
            "3:0@16-3:5@21 'expression' is an illegal expression for augmented assignment",
        ], 0),
        ("x = (1, 2]\ny = )\n", [
            "1:9@9-1:10@10 closing parenthesis ']' does not match opening parenthesis '('",
            "1:9@9-1:10@10 expected ')'",
            "2:4@15-2:5@16 unmatched ')'",
            "2:4@15-2:5@16 invalid syntax",
        ], 0),
        ("try:\n    pass\nz = 1\n", ["3:0@14-3:1@15 expected 'except' or 'finally' block"], 0),
        ("f(a=1, b)\nf(x for x in y, 1)\n", [
            "1:7@7-1:8@8 positional argument follows keyword argument",
            "2:2@12-2:14@24 Generator expression must be parenthesized",
        ], 0),
        ("x = f\"{}\" + f\"{a!x}\"\n", ["1:6@6-1:8@8 f-string: valid expression required before '}'"], 0),
        ("x = f\"{a!x}\"\n", ["1:9@9-1:10@10 f-string: invalid conversion character"], 0),
        ("x = $\ny = 1\n", ["1:4@4-1:5@5 invalid character"], 1),
        ("from import x\n", ["1:5@5-1:11@11 expected a module name"], 0),
        ("x = 'a' b'b'\n", ["1:4@4-1:12@12 cannot mix bytes and nonbytes literals"], 0),
        ("def f(a=1, b): pass\n", ["1:11@11-1:12@12 non-default argument follows default argument"], 0),
        ("x = 0x\n", ["1:4@4-1:6@6 invalid hexadecimal literal"], 1),
        ("s = '''abc\n", ["1:4@4-2:0@11 unterminated triple-quoted string literal"], 0),
        ("x = f'{a'\n", ["1:4@4-1:9@9 unterminated string literal"], 0),
        ("x = f'{a:'\ny = 1\n", ["1:6@6-1:7@7 f-string: expecting '}'"], 2),
        ("x = f'a}'\n", ["1:7@7-1:8@8 f-string: single '}' is not allowed"], 1),
        ("try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n",
         ["5:0@33-5:7@40 cannot have both 'except' and 'except*' on the same 'try'"], 0),
        ("x = (1 +\n", ["1:4@4-1:5@5 '(' was never closed", "2:0@9-2:0@9 invalid syntax"], 0),
    ] as [(String, [String], Int)])
    func diagnosticsAreExact(_ source: String, _ expected: [String], _ statementsKept: Int) {
        let file = SourceFile(text: source)
        #expect(describe(file.diagnostics) == expected)
        #expect(file.module.body.count == statementsKept)
    }

    @Test func everyDiagnosticHasADetailSentence() {
        let sources = ["x = = 1\n", "if x\n", "def f():\nreturn\n", "x = '\n", "  x\n", "f() = 1\n", "x = $\n", "(\n"]
        for source in sources {
            for diagnostic in SourceFile(text: source).diagnostics {
                #expect(diagnostic.detail.hasSuffix("."), "\(diagnostic)")
                #expect(!diagnostic.summary.isEmpty)
            }
        }
    }
}
