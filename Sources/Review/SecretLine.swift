/// Whether a line of source text may show a secret's value, for the formats that quote source
/// lines (code frames): a line that sets something named like a secret (`DB_PASSWORD = "…"`,
/// `"api_key": …`, `token=…`) or holds a literal shaped like a known credential (an AWS access
/// key id, a GitHub token, a private key). Such a line is shown with its values redacted, whatever
/// rule the finding on it belongs to.
public enum SecretLine {
    /// Whether `line` may reveal a secret.
    public static func mayReveal(_ line: some StringProtocol) -> Bool {
        let text = String(line)
        // Bytes, not Foundation's string search: code frames ask this for every finding listed.
        if text.utf8.contains(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") }) {
            let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            if words.contains(where: { SecretLiteral.isSecretName(String($0)) }) { return true }
        }
        let pieces = text.split(whereSeparator: { $0 == "\"" || $0 == "'" || $0 == " " || $0 == "=" || $0 == "," })
        return pieces.contains { SecretLiteral.credentialKind(of: String($0)) != nil }
    }
}
