import Testing
@testable import Python

@Suite("Accessors for the analysis layer")
struct AccessorTests {
    let source = """
    import os
    import boto3

    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-east-1"))

    @decorator
    async def fetch(bucket: str, /, key, *, version=None, **extra) -> bytes:
        return (await s3.get_object(Bucket=bucket, Key=key))["Body"].read()

    def lambda_handler(event, context):
        name = f"prefix-{event['id']}"
        logger().info("handled %s", name)
        return {"ok": True}

    class Service:
        def method(self):
            pass

    """

    @Test func topLevelFunctionsWithParameters() {
        let file = SourceFile(text: source)
        #expect(file.diagnostics == [])
        let functions = file.topLevelFunctions
        #expect(functions.map(\.name) == ["fetch", "lambda_handler"])
        #expect(functions.map(\.parameterNames) == [["bucket", "key", "version", "extra"], ["event", "context"]])
        #expect(functions.map(\.function.isAsync) == [true, false])
        #expect(functions.map(\.range) == [SourceRange(7, 0, 115, 8, 71, 259), SourceRange(10, 0, 261, 13, 23, 393)])
        #expect(functions[0].function.decoratorList.map(\.dottedName) == ["decorator"])
        #expect(functions[0].function.returns?.dottedName == "bytes")
    }

    @Test func callsWithDottedCalleeNames() {
        let file = SourceFile(text: source)
        let calls = file.calls
        #expect(calls.map(\.callee) == ["boto3.client", "os.environ.get", nil, "s3.get_object", nil, "logger"])
        let client = calls[0]
        #expect(client.args.map(\.stringValue) == ["s3"])
        #expect(client.keyword("region_name")?.kind.callee?.dottedName == "os.environ.get")
        #expect(client.keyword("missing") == nil)
        #expect(client.range == SourceRange(4, 5, 29, 4, 78, 102))
        let getObject = calls[3]
        #expect(getObject.keywords.map(\.name) == ["Bucket", "Key"])
        #expect(getObject.keyword("Key")?.dottedName == "key")
    }

    @Test func stringConstantsExcludeFStringParts() {
        let file = SourceFile(text: source)
        #expect(file.stringConstants.map(\.value) == ["s3", "AWS_REGION", "us-east-1", "Body", "id", "handled %s", "ok"])
        #expect(file.stringConstants.first?.range == SourceRange(4, 18, 42, 4, 22, 46))
    }

    @Test func walkVisitsEveryNodeInPreorder() {
        let file = SourceFile(text: "x = f(a, b=1)\n")
        var kinds: [String] = []
        file.forEachNode { kinds.append($0.kindName) }
        #expect(kinds == ["Module", "Assign", "Name", "Call", "Name", "Name", "keyword", "Constant"])
    }

    @Test func statementWalkVisitsNestedStatementsInTheOrderOfTheFullWalk() {
        let file = SourceFile(text: """
            def f(x):
                try:
                    import a
                except E as e:
                    if x:
                        pass
                    else:
                        return 1
                except F:
                    raise
                else:
                    y = lambda: 2
                finally:
                    del x
                match x:
                    case 1:
                        for i in y:
                            continue
                        else:
                            break
                    case _ if x:
                        while x:
                            with x as z:
                                class C:
                                    pass
            x = 3

            """)
        #expect(file.diagnostics == [])
        var expected: [String] = []
        file.forEachNode { node in if case .statement(let statement) = node { expected.append("\(statement.kindName)@\(statement.range.start.line)") } }
        var visited: [String] = []
        for statement in file.module.body { statement.forEachStatement { visited.append("\($0.kindName)@\($0.range.start.line)") } }
        #expect(visited == [
            "FunctionDef@1", "Try@2", "Import@3", "If@5", "Pass@6", "Return@8", "Raise@10", "Assign@12", "Delete@14",
            "Match@15", "For@17", "Continue@18", "Break@20", "While@22", "With@23", "ClassDef@24", "Pass@25", "Assign@26",
        ])
        #expect(visited == expected)
    }

    @Test func textOfRange() {
        let file = SourceFile(text: "value = os.environ['TABLE']\n")
        guard case .assign(_, let value)? = file.module.body.first?.kind else {
            Issue.record("not an assignment")
            return
        }
        #expect(file.text(of: value.range) == "os.environ['TABLE']")
    }
}

extension ExpressionKind {
    /// The callee of a call expression.
    var callee: Python.Expression? {
        if case .call(let function, _, _) = self { return function }
        return nil
    }
}
