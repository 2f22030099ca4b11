import Testing
@testable import Python

@Suite("Expressions: precedence, shapes and exact ranges")
struct ExpressionParsingTests {
    @Test func operatorsBindAtCPythonPrecedence() {
        let source = """
        x = (a := 1) or not b and c
        y = -a ** 2 | b ^ c & d << e + f * g @ h // i % j
        z = {**m, 'k': [*l, (q for q in r)], 's': {1, 2}, 't': {k: v for k, v in p}}
        w = f(a, *b, c=1, **d)(e)[1:2:3].attr
        v = (1,), (), [], x[...]
        n = 0xFF + 0o7 + 0b1 + 1_000.5e-3 + 2j

        """
        #expect(TreeRendering.render(source) == """
        Assign 1:0-1:27
          Name x Store 1:0-1:1
          BoolOp Or 1:4-1:27
            NamedExpr 1:5-1:11
              Name a Store 1:5-1:6
              Constant 1 1:10-1:11
            BoolOp And 1:16-1:27
              UnaryOp Not 1:16-1:21
                Name b Load 1:20-1:21
              Name c Load 1:26-1:27
        Assign 2:0-2:49
          Name y Store 2:0-2:1
          BinOp BitOr 2:4-2:49
            UnaryOp USub 2:4-2:11
              BinOp Pow 2:5-2:11
                Name a Load 2:5-2:6
                Constant 2 2:10-2:11
            BinOp BitXor 2:14-2:49
              Name b Load 2:14-2:15
              BinOp BitAnd 2:18-2:49
                Name c Load 2:18-2:19
                BinOp LShift 2:22-2:49
                  Name d Load 2:22-2:23
                  BinOp Add 2:27-2:49
                    Name e Load 2:27-2:28
                    BinOp Mod 2:31-2:49
                      BinOp FloorDiv 2:31-2:45
                        BinOp MatMult 2:31-2:40
                          BinOp Mult 2:31-2:36
                            Name f Load 2:31-2:32
                            Name g Load 2:35-2:36
                          Name h Load 2:39-2:40
                        Name i Load 2:44-2:45
                      Name j Load 2:48-2:49
        Assign 3:0-3:76
          Name z Store 3:0-3:1
          Dict 3:4-3:76
            Constant 'k' 3:10-3:13
            Constant 's' 3:37-3:40
            Constant 't' 3:50-3:53
            Name m Load 3:7-3:8
            List Load 3:15-3:35
              Starred Load 3:16-3:18
                Name l Load 3:17-3:18
              GeneratorExp 3:20-3:34
                Name q Load 3:21-3:22
                comprehension 3:23-3:33
                  Name q Store 3:27-3:28
                  Name r Load 3:32-3:33
            Set 3:42-3:48
              Constant 1 3:43-3:44
              Constant 2 3:46-3:47
            DictComp 3:55-3:75
              Name k Load 3:56-3:57
              Name v Load 3:59-3:60
              comprehension 3:61-3:74
                Tuple Store 3:65-3:69
                  Name k Store 3:65-3:66
                  Name v Store 3:68-3:69
                Name p Load 3:73-3:74
        Assign 4:0-4:37
          Name w Store 4:0-4:1
          Attribute attr Load 4:4-4:37
            Subscript Load 4:4-4:32
              Call 4:4-4:25
                Call 4:4-4:22
                  Name f Load 4:4-4:5
                  Name a Load 4:6-4:7
                  Starred Load 4:9-4:11
                    Name b Load 4:10-4:11
                  keyword c 4:13-4:16
                    Constant 1 4:15-4:16
                  keyword ** 4:18-4:21
                    Name d Load 4:20-4:21
                Name e Load 4:23-4:24
              Slice 4:26-4:31
                Constant 1 4:26-4:27
                Constant 2 4:28-4:29
                Constant 3 4:30-4:31
        Assign 5:0-5:24
          Name v Store 5:0-5:1
          Tuple Load 5:4-5:24
            Tuple Load 5:4-5:8
              Constant 1 5:5-5:6
            Tuple Load 5:10-5:12
            List Load 5:14-5:16
            Subscript Load 5:18-5:24
              Name x Load 5:18-5:19
              Constant ... 5:20-5:23
        Assign 6:0-6:38
          Name n Store 6:0-6:1
          BinOp Add 6:4-6:38
            BinOp Add 6:4-6:33
              BinOp Add 6:4-6:20
                BinOp Add 6:4-6:14
                  Constant 0xFF 6:4-6:8
                  Constant 0o7 6:11-6:14
                Constant 0b1 6:17-6:20
              Constant 1_000.5e-3 6:23-6:33
            Constant 2j 6:36-6:38
        """)
    }

    @Test func stringsConcatenateAndDecodeEscapes() {
        let source = #"""
        w = b'\x00\xff' rb'\d'
        u = 'caf\u00e9' "\101\n" r'\n' '''x
        y'''

        """#
        #expect(TreeRendering.render(source) == #"""
        Assign 1:0-1:22
          Name w Store 1:0-1:1
          Constant b[0, 255, 92, 100] 1:4-1:22
        Assign 2:0-3:4
          Name u Store 2:0-2:1
          Constant 'caféA
        \nx
        y' 2:4-3:4
        """#)
    }

    @Test func fStringPartsHaveTheirOwnRanges() {
        let source = #"x = f"a{b!r:>{w}} {c=}" "d"\#n"#
        #expect(TreeRendering.render(source) == """
        Assign 1:0-1:27
          Name x Store 1:0-1:1
          JoinedStr 1:4-1:27
            Constant 'a' 1:6-1:7
            FormattedValue !r 1:7-1:17
              Name b Load 1:8-1:9
              JoinedStr 1:12-1:16
                Constant '>' 1:12-1:13
                FormattedValue 1:13-1:16
                  Name w Load 1:14-1:15
            Constant ' c=' 1:17-1:21
            FormattedValue !r 1:18-1:22
              Name c Load 1:19-1:20
            Constant 'd' 1:25-1:26
        """)
    }

    @Test func pep701NestedQuotesInFStrings() {
        let source = #"x = f"{a["k"]!r:>{width}}" f'{f'{b}'}'\#n"#
        let file = SourceFile(text: source)
        #expect(file.diagnostics == [])
        #expect(TreeRendering.render(file) == """
        Assign 1:0-1:38
          Name x Store 1:0-1:1
          JoinedStr 1:4-1:38
            FormattedValue !r 1:6-1:25
              Subscript Load 1:7-1:13
                Name a Load 1:7-1:8
                Constant 'k' 1:9-1:12
              JoinedStr 1:16-1:24
                Constant '>' 1:16-1:17
                FormattedValue 1:17-1:24
                  Name width Load 1:18-1:23
            FormattedValue 1:29-1:37
              JoinedStr 1:30-1:36
                FormattedValue 1:32-1:35
                  Name b Load 1:33-1:34
        """)
    }

    @Test func fStringLiteralBracesAndMultilineFields() {
        let source = "x = f'''{{ {\n  a +\n  b\n} }}'''\n"
        #expect(TreeRendering.render(source) == """
        Assign 1:0-4:7
          Name x Store 1:0-1:1
          JoinedStr 1:4-4:7
            Constant '{ ' 1:8-1:11
            FormattedValue 1:11-4:1
              BinOp Add 2:2-3:3
                Name a Load 2:2-2:3
                Name b Load 3:2-3:3
            Constant ' }' 4:1-4:4
        """)
    }

    @Test func generatorAsSoleArgumentSpansTheCallParentheses() {
        #expect(TreeRendering.render(expression: "sum(x for x in y)\n") == """
        Call 1:0-1:17
          Name sum Load 1:0-1:3
          GeneratorExp 1:3-1:17
            Name x Load 1:4-1:5
            comprehension 1:6-1:16
              Name x Store 1:10-1:11
              Name y Load 1:15-1:16
        """)
    }

    @Test func parenthesisedOperandStartsTheEnclosingNode() {
        #expect(TreeRendering.render(expression: "(a + b).c(d)\n") == """
        Call 1:0-1:12
          Attribute c Load 1:0-1:9
            BinOp Add 1:1-1:6
              Name a Load 1:1-1:2
              Name b Load 1:5-1:6
          Name d Load 1:10-1:11
        """)
    }

    @Test func numericLiteralKinds() {
        let file = SourceFile(text: "0x_1F, 0O17, 0b1, 1_000, 1.5e-3, .5, 5., 3J, 1e10\n")
        guard case .expr(let value)? = file.module.body.first?.kind, case .tuple(let elements, _) = value.kind else {
            Issue.record("not a tuple")
            return
        }
        let kinds = elements.map { element -> String in
            guard case .constant(let constant) = element.kind else { return "?" }
            switch constant {
            case .integer(let text): return "int \(text)"
            case .float(let text): return "float \(text)"
            case .imaginary(let text): return "imaginary \(text)"
            default: return "other"
            }
        }
        #expect(kinds == ["int 0x_1F", "int 0O17", "int 0b1", "int 1_000", "float 1.5e-3", "float .5", "float 5.",
                          "imaginary 3J", "float 1e10"])
        #expect(file.diagnostics == [])
    }
}
