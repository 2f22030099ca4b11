import Git
import TestSupport
import Testing

/// Classifying changed files by path.
@Suite struct FileKindTests {
    @Test(arguments: [
        ("main.tf", FileKind.terraform),
        ("modules/api/MAIN.TF", .terraform),
        ("stack.tf.json", .terraform),
        ("prod.tfvars", .terraformVariables),
        ("env/dev.tfvars.json", .terraformVariables),
        ("lambda/handler.py", .pythonSource),
        ("lambda/testing.py", .pythonSource),
        ("lambda/contest_utils.py", .pythonSource),
        ("lambda/test_handler.py", .test),
        ("lambda/handler_test.py", .test),
        ("tests/helpers.py", .test),
        ("lambda/test/conftest.py", .test),
        ("src/index.js", .javaScriptSource),
        ("src/index.ts", .javaScriptSource),
        ("src/index.mjs", .javaScriptSource),
        ("src/index.cjs", .javaScriptSource),
        ("src/index.test.ts", .test),
        ("src/index.spec.js", .test),
        ("src/__tests__/index.js", .test),
        ("cmd/main_test.go", .test),
        ("cmd/main.go", .other),
        ("coverage/coverage-summary.json", .coverageReport),
        ("coverage/lcov.info", .coverageReport),
        ("reports/coverage.xml", .coverageReport),
        ("reports/cobertura-coverage.xml", .coverageReport),
        ("coverage.json", .coverageReport),
        ("tests/README.md", .other),
        ("package.json", .other),
        ("Makefile", .other),
        ("latest.tfstate", .other),
    ])
    func classifiesByPath(path: String, kind: FileKind) {
        #expect(FileKind(path: path) == kind)
    }

    @Test func onlyJavaScriptAndOtherFilesAreNotAnalysed() {
        #expect(FileKind.allCases.filter { !$0.isAnalysed } == [.javaScriptSource, .other])
    }
}
