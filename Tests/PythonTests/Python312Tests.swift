import Testing
@testable import Python

@Suite("Python 3.12 syntax: type aliases, type parameters, PEP 701 f-strings")
struct Python312Tests {
    @Test func typeAliasesAndGenericDefinitions() {
        let source = """
        type Point = tuple[float, float]
        type ListOrSet[T: (int, str), *Ts, **P] = list[T]
        def first[T](items: list[T]) -> T:
            return items[0]
        class Box[T]:
            pass
        type = 1

        """
        let file = SourceFile(text: source)
        #expect(file.diagnostics == [])
        #expect(TreeRendering.render(file) == """
        TypeAlias 1:0-1:32
          Name Point Store 1:5-1:10
          Subscript Load 1:13-1:32
            Name tuple Load 1:13-1:18
            Tuple Load 1:19-1:31
              Name float Load 1:19-1:24
              Name float Load 1:26-1:31
        TypeAlias 2:0-2:49
          Name ListOrSet Store 2:5-2:14
          TypeVar 2:15-2:28
            Tuple Load 2:18-2:28
              Name int Load 2:19-2:22
              Name str Load 2:24-2:27
          TypeVarTuple 2:30-2:33
          ParamSpec 2:35-2:38
          Subscript Load 2:42-2:49
            Name list Load 2:42-2:46
            Name T Load 2:47-2:48
        FunctionDef first 3:0-4:19
          arguments 3:13-3:27
            arg items 3:13-3:27
              Subscript Load 3:20-3:27
                Name list Load 3:20-3:24
                Name T Load 3:25-3:26
          Return 4:4-4:19
            Subscript Load 4:11-4:19
              Name items Load 4:11-4:16
              Constant 0 4:17-4:18
          Name T Load 3:32-3:33
          TypeVar 3:10-3:11
        ClassDef Box 5:0-6:8
          Pass 6:4-6:8
          TypeVar 5:10-5:11
        Assign 7:0-7:8
          Name type Store 7:0-7:4
          Constant 1 7:7-7:8
        """)
    }

    @Test func sameQuotesNestedInsideReplacementFields() {
        let source = #"songs = f"{", ".join(names)}" + f"{x:{"<" if a else ">"}10}"\#n"#
        let file = SourceFile(text: source)
        #expect(file.diagnostics == [])
        #expect(TreeRendering.render(file) == """
        Assign 1:0-1:60
          Name songs Store 1:0-1:5
          BinOp Add 1:8-1:60
            JoinedStr 1:8-1:29
              FormattedValue 1:10-1:28
                Call 1:11-1:27
                  Attribute join Load 1:11-1:20
                    Constant ', ' 1:11-1:15
                  Name names Load 1:21-1:26
            JoinedStr 1:32-1:60
              FormattedValue 1:34-1:59
                Name x Load 1:35-1:36
                JoinedStr 1:37-1:58
                  FormattedValue 1:37-1:56
                    IfExp 1:38-1:55
                      Name a Load 1:45-1:46
                      Constant '<' 1:38-1:41
                      Constant '>' 1:52-1:55
                  Constant '10' 1:56-1:58
        """)
    }
}

@Suite("Match statement recovery")
struct MatchRecoveryTests {
    @Test func aStrayStatementAmongCasesIsSkipped() {
        let source = "def f():\n    match x:\n        case 1: pass\n        y = 2\n        case 2: pass\n    z = 3\nw = 4\n"
        let file = SourceFile(text: source)
        #expect(describe(file.diagnostics) == ["4:8@51-4:9@52 expected 'case'"])
        #expect(TreeRendering.render(file) == """
        FunctionDef f 1:0-6:9
          arguments 1:6-1:6
          Match 2:4-5:20
            Name x Load 2:10-2:11
            match_case 3:8-3:20
              MatchValue 3:13-3:14
                Constant 1 3:13-3:14
              Pass 3:16-3:20
            match_case 5:8-5:20
              MatchValue 5:13-5:14
                Constant 2 5:13-5:14
              Pass 5:16-5:20
          Assign 6:4-6:9
            Name z Store 6:4-6:5
            Constant 3 6:8-6:9
        Assign 7:0-7:5
          Name w Store 7:0-7:1
          Constant 4 7:4-7:5
        """)
    }
}
