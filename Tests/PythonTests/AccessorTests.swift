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
