import Python
import Testing
@testable import Review

/// What one walk of a handler subject finds, shared by every handler check, and the facts a
/// handler file shares between its subjects.
@Suite struct HandlerSubjectFactsTests {
    static let source = """
        import os
        import subprocess as sp

        TOKEN = os.environ["API_TOKEN"]
        settings = {"password": "hunter2"}

        def handler(event, context):
            from json import dumps as show
            try:
                sp.run(["ls"], shell=True)
            except Exception:
                print(show(event), TOKEN)
            return {"statusCode": 200}

        def helper(value, retries=3):
            for item in value:
                if item:
                    os.getenv("X")

        """

    static func subjects() -> [HandlerSubject] {
        HandlerFile(path: "app.py", bytes: Array(source.utf8), entryPoints: ["handler"]).subjects
    }

    @Test func subjectAddressesAreThoseOfTheSubjects() {
        let file = HandlerFile(path: "app.py", bytes: Array(Self.source.utf8), entryPoints: ["handler"])
        #expect(file.subjectAddresses == ["app.py", "app.py::handler", "app.py::helper"])
        #expect(file.subjectAddresses == file.subjects.map(\.address))
    }

    @Test func oneWalkFindsWhatTheChecksAskFor() {
        let walks = Self.subjects().map(\.walk)
        #expect(walks.map { $0.allStatements.map(\.kindName) } == [
            ["Import", "Import", "Assign", "Assign"],
            ["ImportFrom", "Try", "Expr", "Expr", "Return"],
            ["For", "If", "Expr"],
        ])
        #expect(walks.map { $0.calls.map { $0.name ?? "-" } } == [[], ["subprocess.run", "print", "json.dumps"], ["os.getenv"]])
        #expect(walks.map { $0.calls.map(\.site.range.start.line) } == [[], [10, 12, 12], [18]])
        #expect(walks.map(\.exceptHandlers.count) == [0, 1, 0])
        #expect(walks.map { $0.bindingNodes.map(\.kindName) } == [
            ["Assign", "Constant", "Assign", "Dict", "Constant", "Constant"],
            ["Constant", "keyword", "Dict", "Constant"],
            ["Constant"],
        ])
        #expect(walks.map(\.hasOwnImports) == [false, true, false])
        #expect(walks[1].scope.imports == ["os": "os", "sp": "subprocess", "show": "json.dumps"])
    }

    @Test func theWalkIsMadeOncePerSubject() {
        let subject = Self.subjects()[1]
        #expect(subject.walk === subject.walk)
        var moved = subject
        moved.function = Self.subjects()[2].function
        #expect(moved.walk !== subject.walk)
        #expect(moved.walk.calls.map(\.name) == ["os.getenv"])
    }

    @Test func moduleSecretsAreSharedByTheFilesSubjects() {
        let file = HandlerFile(path: "app.py", bytes: Array(Self.source.utf8), entryPoints: ["handler"])
        #expect(file.facts.moduleSecrets(of: file) == ["TOKEN": "API_TOKEN"])
        #expect(file.facts.moduleSecrets(of: file) == HandlerSecretFlowCheck.taint(
            HandlerSecretFlowCheck.moduleStatements(of: file), imports: file.imports, initial: [:]))
    }

    /// A function that imports another module as `os` sees the module's `os.environ` reads
    /// through its own imports: its module-level secrets are not the file's shared ones. (The
    /// file's imports take the last binding of a name at any depth: `import os` comes last.)
    @Test func aFunctionsOwnImportsChangeWhatTheModuleHolds() throws {
        let source = """
            import logging

            def shadowed(event, context):
                import json as os
                logging.info(TOKEN)

            import os

            TOKEN = os.environ["API_TOKEN"]

            def handler(event, context):
                logging.info(TOKEN)

            """
        let rule = try #require(BuiltinRules.load().rules.first { $0.id == "lambda-handler-secret-flow" })
        let file = HandlerFile(path: "app.py", bytes: Array(source.utf8), entryPoints: [])
        let findings = RuleRunner(ruleSet: RuleSet(rules: [rule]), today: "2026-06-01").handlerFindings(in: file)
        #expect(findings.map(\.subject) == ["app.py::handler"])
    }
}

/// `TextLines` gives the lines `split(separator: "\n")` on the text's characters gives.
@Suite struct TextLinesTests {
    @Test(arguments: ["", "a", "a\n", "a\nb", "\n\n# c\n", "a\r\nb\nc", "\r\n\r\n", "x\r\n# y\n  # z\r\nw\n", "é\u{301}\n#\u{301}\n"])
    func linesMatchTheCharacterSplit(text: String) {
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = TextLines(text)
        #expect(lines.all == expected)
        #expect((0..<expected.count).map { lines[$0] } == expected.map { Optional($0) })
        #expect(lines[expected.count] == nil)
        #expect(lines[-1] == nil)
    }
}
