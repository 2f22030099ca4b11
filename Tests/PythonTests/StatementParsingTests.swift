import Testing
@testable import Python

@Suite("Statements: tree shapes and exact ranges")
struct StatementParsingTests {
    @Test func functionWithEveryParameterKindAndSimpleStatements() {
        let source = """
        def f(a, /, b: int = 1, *args: str, c, d=2, **kw) -> bool:
            \"\"\"Doc.\"\"\"
            global g
            x = y = a if b else c
            x += 1
            del x[0], y
            assert a < b <= c, "msg"
            raise ValueError("bad") from err
            yield from gen()
            return lambda q, *r, s=1: q ** -s

        """
        #expect(TreeRendering.render(source) == """
        FunctionDef f 1:0-10:37
          arguments 1:6-1:48
            arg a 1:6-1:7
            arg b 1:12-1:18
              Name int Load 1:15-1:18
            arg args 1:25-1:34
              Name str Load 1:31-1:34
            arg c 1:36-1:37
            arg d 1:39-1:40
            Constant 2 1:41-1:42
            arg kw 1:46-1:48
            Constant 1 1:21-1:22
          Expr 2:4-2:14
            Constant 'Doc.' 2:4-2:14
          Global g 3:4-3:12
          Assign 4:4-4:25
            Name x Store 4:4-4:5
            Name y Store 4:8-4:9
            IfExp 4:12-4:25
              Name b Load 4:17-4:18
              Name a Load 4:12-4:13
              Name c Load 4:24-4:25
          AugAssign Add 5:4-5:10
            Name x Store 5:4-5:5
            Constant 1 5:9-5:10
          Delete 6:4-6:15
            Subscript Del 6:8-6:12
              Name x Load 6:8-6:9
              Constant 0 6:10-6:11
            Name y Del 6:14-6:15
          Assert 7:4-7:28
            Compare Lt,LtE 7:11-7:21
              Name a Load 7:11-7:12
              Name b Load 7:15-7:16
              Name c Load 7:20-7:21
            Constant 'msg' 7:23-7:28
          Raise 8:4-8:36
            Call 8:10-8:27
              Name ValueError Load 8:10-8:20
              Constant 'bad' 8:21-8:26
            Name err Load 8:33-8:36
          Expr 9:4-9:20
            YieldFrom 9:4-9:20
              Call 9:15-9:20
                Name gen Load 9:15-9:18
          Return 10:4-10:37
            Lambda 10:11-10:37
              arguments 10:18-10:28
                arg q 10:18-10:19
                arg r 10:22-10:23
                arg s 10:25-10:26
                Constant 1 10:27-10:28
              BinOp Pow 10:30-10:37
                Name q Load 10:30-10:31
                UnaryOp USub 10:35-10:37
                  Name s Load 10:36-10:37
          Name bool Load 1:53-1:57
        """)
        let file = SourceFile(text: source)
        guard case .functionDef(let function)? = file.module.body.first?.kind else {
            Issue.record("not a function")
            return
        }
        #expect(function.args.posonlyargs.map(\.name) == ["a"])
        #expect(function.args.args.map(\.name) == ["b"])
        #expect(function.args.vararg?.name == "args")
        #expect(function.args.kwonlyargs.map(\.name) == ["c", "d"])
        #expect(function.args.kwDefaults.map { $0 == nil } == [true, false])
        #expect(function.args.kwarg?.name == "kw")
        #expect(function.nameRange == SourceRange(1, 4, 4, 1, 5, 5))
    }

    @Test func compoundStatementsAsyncAndExceptStar() {
        let source = """
        async def h(): return [y async for y in z]
        with (open(a) as f, b as (c, d)): pass
        try: pass
        except* E as g: pass

        """
        #expect(TreeRendering.render(source) == """
        AsyncFunctionDef h 1:0-1:42
          arguments 1:12-1:12
          Return 1:15-1:42
            ListComp 1:22-1:42
              Name y Load 1:23-1:24
              comprehension async 1:25-1:41
                Name y Store 1:35-1:36
                Name z Load 1:40-1:41
        With 2:0-2:38
          withitem 2:6-2:18
            Call 2:6-2:13
              Name open Load 2:6-2:10
              Name a Load 2:11-2:12
            Name f Store 2:17-2:18
          withitem 2:20-2:31
            Name b Load 2:20-2:21
            Tuple Store 2:25-2:31
              Name c Store 2:26-2:27
              Name d Store 2:29-2:30
          Pass 2:34-2:38
        TryStar 3:0-4:20
          Pass 3:5-3:9
          ExceptHandler g 4:0-4:20
            Name E Load 4:8-4:9
            Pass 4:16-4:20
        """)
    }

    @Test func ifElifElseNestsElifInOrelse() {
        let source = "if a:\n    x = 1\nelif b:\n    pass\nelse:\n    y = 2\n"
        #expect(TreeRendering.render(source) == """
        If 1:0-6:9
          Name a Load 1:3-1:4
          Assign 2:4-2:9
            Name x Store 2:4-2:5
            Constant 1 2:8-2:9
          If 3:0-6:9
            Name b Load 3:5-3:6
            Pass 4:4-4:8
            Assign 6:4-6:9
              Name y Store 6:4-6:5
              Constant 2 6:8-6:9
        """)
    }

    @Test func decoratedClassStartsAtClassKeyword() {
        let source = "@dataclass(frozen=True)\nclass C(Base, metaclass=M):\n    x: int = 0\n"
        #expect(TreeRendering.render(source) == """
        ClassDef C 2:0-3:14
          Name Base Load 2:8-2:12
          keyword metaclass 2:14-2:25
            Name M Load 2:24-2:25
          AnnAssign simple 3:4-3:14
            Name x Store 3:4-3:5
            Name int Load 3:7-3:10
            Constant 0 3:13-3:14
          Call 1:1-1:23
            Name dataclass Load 1:1-1:10
            keyword frozen 1:11-1:22
              Constant True 1:18-1:22
        """)
    }

    @Test func importsAndScopeStatements() {
        let source = "import a.b as c, d\nfrom ..pkg import (x as y, z,)\nfrom . import *\n"
        #expect(TreeRendering.render(source) == """
        Import 1:0-1:18
          alias a.b as c 1:7-1:15
          alias d 1:17-1:18
        ImportFrom pkg level=2 2:0-2:30
          alias x as y 2:19-2:25
          alias z 2:27-2:28
        ImportFrom - level=1 3:0-3:15
          alias * 3:14-3:15
        """)
    }

    @Test func matchStatementPatterns() {
        let source = """
        match cmd:
            case ["go", *rest] if rest: pass
            case {"k": 1, **kw}: pass
            case Cls(1, a=b) | None: pass
            case (x, _) as pair: pass

        """
        #expect(TreeRendering.render(source) == """
        Match 1:0-5:29
          Name cmd Load 1:6-1:9
          match_case 2:4-2:36
            MatchSequence 2:9-2:22
              MatchValue 2:10-2:14
                Constant 'go' 2:10-2:14
              MatchStar rest 2:16-2:21
            Name rest Load 2:26-2:30
            Pass 2:32-2:36
          match_case 3:4-3:29
            MatchMapping **kw 3:9-3:23
              Constant 'k' 3:10-3:13
              MatchValue 3:15-3:16
                Constant 1 3:15-3:16
            Pass 3:25-3:29
          match_case 4:4-4:33
            MatchOr 4:9-4:27
              MatchClass a 4:9-4:20
                Name Cls Load 4:9-4:12
                MatchValue 4:13-4:14
                  Constant 1 4:13-4:14
                MatchAs b 4:18-4:19
              MatchSingleton None 4:23-4:27
            Pass 4:29-4:33
          match_case 5:4-5:29
            MatchAs pair 5:9-5:23
              MatchSequence 5:9-5:15
                MatchAs x 5:10-5:11
                MatchAs _ 5:13-5:14
            Pass 5:25-5:29
        """)
    }

    @Test func matchIsAnOrdinaryNameOutsideMatchStatements() {
        let source = "match = re.match(p, s)\nmatch(x)\ncase = 1\n"
        #expect(TreeRendering.render(source) == """
        Assign 1:0-1:22
          Name match Store 1:0-1:5
          Call 1:8-1:22
            Attribute match Load 1:8-1:16
              Name re Load 1:8-1:10
            Name p Load 1:17-1:18
            Name s Load 1:20-1:21
        Expr 2:0-2:8
          Call 2:0-2:8
            Name match Load 2:0-2:5
            Name x Load 2:6-2:7
        Assign 3:0-3:8
          Name case Store 3:0-3:4
          Constant 1 3:7-3:8
        """)
    }

    @Test func annotatedAssignmentSimpleFlag() {
        let source = "x: int\n(y): int = 1\na.b: str\n"
        #expect(TreeRendering.render(source) == """
        AnnAssign simple 1:0-1:6
          Name x Store 1:0-1:1
          Name int Load 1:3-1:6
        AnnAssign 2:0-2:12
          Name y Store 2:1-2:2
          Name int Load 2:5-2:8
          Constant 1 2:11-2:12
        AnnAssign 3:0-3:8
          Attribute b Store 3:0-3:3
            Name a Load 3:0-3:1
          Name str Load 3:5-3:8
        """)
    }

    @Test func forWhileElseAndLoopControl() {
        let source = "for i, *rest in items:\n    continue\nelse:\n    pass\nwhile x: break\n"
        #expect(TreeRendering.render(source) == """
        For 1:0-4:8
          Tuple Store 1:4-1:12
            Name i Store 1:4-1:5
            Starred Store 1:7-1:12
              Name rest Store 1:8-1:12
          Name items Load 1:16-1:21
          Continue 2:4-2:12
          Pass 4:4-4:8
        While 5:0-5:14
          Name x Load 5:6-5:7
          Break 5:9-5:14
        """)
    }
}
