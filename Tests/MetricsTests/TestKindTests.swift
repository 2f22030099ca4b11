import Testing
@testable import Metrics

@Test(arguments: [
    ("tests/test_handler.py", TestFile.Kind.unit),
    ("tests/unit/test_handler.py", .unit),
    ("tests/integration/test_api.py", .integration),
    ("Integration_Tests/test_api.py", .integration),
    ("test/integration-tests/api.test.ts", .integration),
    ("e2e/flow.spec.ts", .integration),
    ("src/it/StoreTest.go_test.go", .integration),
    ("tests/functional/test_flow.py", .integration),
    ("tests/acceptance/test_flow.py", .integration),
    ("test/api.integration.test.ts", .integration),
    ("test/tap-stack.int.test.ts", .integration),
    ("test/checkout.e2e.ts", .integration),
    ("test/integrity.test.ts", .unit),
    ("test/edit/it_works.test.ts", .unit),
    ("integration.md/readme_test.go", .unit),
])
func testKindFollowsFolderAndFileName(path: String, kind: TestFile.Kind) {
    #expect(TestFileAnalyzer().kind(ofPath: path) == kind)
}
