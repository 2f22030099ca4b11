import Python
import Terraform
import Testing
@testable import Review

/// Python files parsed once per process, by content id, for the cross-checks and the handler rules.
@Suite struct ParsedPythonFileTests {
    static let text = """
        import os
        from boto3 import client as make

        def handler(event, context):
            import json as j
            return j.dumps(event)

        """

    /// The address of an array's storage, to tell a cached parse from a new one.
    static func storage(_ bytes: [UInt8]) -> UnsafeRawPointer? {
        bytes.withUnsafeBytes { $0.baseAddress }
    }

    @Test func parsesWithTheImportsOfEveryDepth() {
        let parsed = ParsedPythonFile(bytes: Array(Self.text.utf8))
        #expect(parsed.source.diagnostics == [])
        #expect(parsed.source.topLevelFunctions.map(\.name) == ["handler"])
        #expect(parsed.imports == ["os": "os", "make": "boto3.client", "j": "json"])
    }

    @Test func sameContentIDAndBytesIsParsedOnce() {
        let first = Terraform.SourceFile(bytes: Array(Self.text.utf8), contentID: "parsed-python-test-same")
        let again = Terraform.SourceFile(bytes: Array(Self.text.utf8), contentID: "parsed-python-test-same")
        #expect(Self.storage(first.bytes) != Self.storage(again.bytes))
        let parsed = ParsedPythonFile.parsed(first)
        let reused = ParsedPythonFile.parsed(again)
        // The second answer is the first parse: its bytes are the first file's array.
        #expect(Self.storage(reused.source.bytes) == Self.storage(first.bytes))
        #expect(reused.source.module == parsed.source.module)
        #expect(reused.imports == parsed.imports)
    }

    @Test func otherBytesUnderAKnownContentIDAreParsedAfresh() {
        let first = Terraform.SourceFile(bytes: Array(Self.text.utf8), contentID: "parsed-python-test-other")
        let other = Terraform.SourceFile(bytes: Array("import yaml\n".utf8), contentID: "parsed-python-test-other")
        _ = ParsedPythonFile.parsed(first)
        let parsed = ParsedPythonFile.parsed(other)
        #expect(parsed.source.bytes == Array("import yaml\n".utf8))
        #expect(parsed.imports == ["yaml": "yaml"])
        #expect(parsed.source.topLevelFunctions.isEmpty)
    }

    @Test func handlerFileAndFactsShareOneParse() throws {
        let file = Terraform.SourceFile(bytes: Array(Self.text.utf8), contentID: "parsed-python-test-shared")
        let handler = HandlerFile(path: "src/app.py", parsed: .parsed(file), contentID: file.contentID, entryPoints: ["handler"])
        let facts = try #require(HandlerCodeFacts(path: "src/app.py", parsed: .parsed(file)))
        #expect(Self.storage(handler.source.bytes) == Self.storage(file.bytes))
        #expect(handler.imports == ["os": "os", "make": "boto3.client", "j": "json"])
        #expect(facts.functionNames == ["handler"])
    }
}
