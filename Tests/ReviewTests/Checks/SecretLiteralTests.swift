import Testing
@testable import Review

@Suite struct SecretLiteralTests {
    @Test func secretNames() {
        #expect(SecretLiteral.isSecretName("DB_PASSWORD"))
        #expect(SecretLiteral.isSecretName("stripe_api_key"))
        #expect(SecretLiteral.isSecretName("GITHUB_TOKEN"))
        #expect(SecretLiteral.isSecretName("db_pwd"))
        #expect(SecretLiteral.isSecretName("client-secret"))
        #expect(!SecretLiteral.isSecretName("TABLE_NAME"))
        #expect(!SecretLiteral.isSecretName("DB_SECRET_ARN"))
        #expect(!SecretLiteral.isSecretName("TOKEN_TTL"))
        #expect(!SecretLiteral.isSecretName("API_KEY_ID"))
        #expect(!SecretLiteral.isSecretName("PASSWORD_MIN_LENGTH"))
        #expect(!SecretLiteral.isSecretName("PASSENGER"))
        #expect(!SecretLiteral.isSecretName("bypass"))
    }

    @Test func credentialShapes() {
        #expect(SecretLiteral.credentialKind(of: "AKIAABCDEFGHIJKLMNOP") == "an AWS access key id")
        #expect(SecretLiteral.credentialKind(of: "AKIAabcdefghijklmnop") == nil)
        #expect(SecretLiteral.credentialKind(of: "AKIAABCDEFGHIJKLMNO") == nil)
        #expect(SecretLiteral.credentialKind(of: "-----BEGIN RSA PRIVATE KEY-----\nMIIE") == "a private key")
        #expect(SecretLiteral.credentialKind(of: "ghp_abcdefghijklmnopqrstuvwxyz0123456789") == "a GitHub token")
        #expect(SecretLiteral.credentialKind(of: "ghp_short") == nil)
        #expect(SecretLiteral.credentialKind(of: "xoxb-1234567890-abcdefghij") == "a Slack token")
        #expect(SecretLiteral.credentialKind(of: "sk_live_abcdefghijklmnop") == "a Stripe secret key")
        #expect(SecretLiteral.credentialKind(of: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl") == "a JSON Web Token")
        #expect(SecretLiteral.credentialKind(of: "orders-table") == nil)
    }

    @Test func descriptionsNeverHoldTheValue() {
        #expect(SecretLiteral.description(of: "correct-horse-battery") == "a 21-character literal")
        #expect(SecretLiteral.description(of: "AKIAABCDEFGHIJKLMNOP") == "an AWS access key id")
    }

    @Test func pointersFlagsAndNumbersAreNotSecrets() {
        #expect(SecretLiteral.isLiteralSecret("hunter2"))
        #expect(!SecretLiteral.isLiteralSecret(""))
        #expect(!SecretLiteral.isLiteralSecret("  "))
        #expect(!SecretLiteral.isLiteralSecret("arn:aws:secretsmanager:us-east-1:123456789012:secret:db"))
        #expect(!SecretLiteral.isLiteralSecret("/prod/db/password"))
        #expect(!SecretLiteral.isLiteralSecret("{{resolve:secretsmanager:db}}"))
        #expect(!SecretLiteral.isLiteralSecret("false"))
        #expect(!SecretLiteral.isLiteralSecret("3600"))
    }
}
