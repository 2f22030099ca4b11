import Testing
@testable import Review

/// `SecretLine.mayReveal` and the byte scan that answers it for most lines of code.
@Suite struct SecretLineTests {
    @Test(arguments: [
        // (line, cannotReveal, mayReveal)
        ("    return {\"statusCode\": 200, \"body\": json.dumps(result)}", true, false),
        ("    logger.info(\"processing %s records\", len(records))", true, false),
        ("DB_PASSWORD = \"hunter2\"", false, true),
        ("    headers = {\"Authorization\": token}", false, true),
        ("    pass", false, false),
        ("KEY = \"AKIAIOSFODNN7EXAMPLE\"", false, true),
        ("    resource_name_that_is_long = 1", false, false),
        ("jwt = \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\"", false, true),
        ("-----BEGIN RSA PRIVATE KEY-----", false, false),
        ("TO\u{212A}EN = \"x\"", false, true),
        ("café = 1", false, false),
    ] as [(String, Bool, Bool)])
    func aByteScanRejectsOnlyLinesTheFullTestRejects(line: String, cannot: Bool, may: Bool) {
        #expect(SecretLine.cannotReveal(line) == cannot)
        #expect(SecretLine.mayReveal(line) == may)
    }
}
