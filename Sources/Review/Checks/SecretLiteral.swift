/// Heuristics for secrets written into configuration: names that promise a secret and values
/// shaped like well-known keys and tokens.
///
/// A finding built from these never carries the value itself, only `description(of:)`, such as
/// "a 24-character literal" or "an AWS access key id".
enum SecretLiteral {
    /// Fragments of a lowercased name that promise a secret.
    static let secretNameFragments = [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "privatekey",
        "private_key", "accesskey", "access_key", "credential", "auth_key", "signing_key", "encryption_key",
    ]
    /// Whole name words that promise a secret (`DB_PWD`, `DB_PASS`).
    static let secretNameWords: Set<String> = ["pwd", "pass"]
    /// Last name words that say the value only points at or describes a secret (`SECRET_ARN`,
    /// `TOKEN_TABLE`, `PASSWORD_MIN_LENGTH`).
    static let describingSuffixes: Set<String> = [
        "arn", "name", "id", "ids", "url", "uri", "path", "param", "parameter", "table", "bucket", "queue", "topic",
        "region", "ttl", "length", "expiry", "expires", "seconds", "minutes", "hours", "days", "header", "endpoint",
        "type", "version", "enabled", "size", "count", "limit", "policy", "file", "key_id", "field",
    ]

    /// Whether a variable or setting called `name` is meant to hold a secret.
    static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        let words = lowered.split { $0 == "_" || $0 == "-" || $0 == "." }.map(String.init)
        if let last = words.last, describingSuffixes.contains(last) { return false }
        if words.count >= 2, describingSuffixes.contains(words.suffix(2).joined(separator: "_")) { return false }
        if secretNameFragments.contains(where: { containsBytes(lowered, $0) }) { return true }
        return words.contains { secretNameWords.contains($0) }
    }

    /// Whether `fragment`'s bytes occur in `text`'s: a plain byte search (Foundation's string
    /// search cost more than the rest of these tests, which run on every line a code frame shows).
    static func containsBytes(_ text: String, _ fragment: String) -> Bool {
        var text = text, fragment = fragment
        return text.withUTF8 { haystack in
            fragment.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if UnsafeBufferPointer(rebasing: haystack[start..<(start + needle.count)]).elementsEqual(needle) { return true }
                }
                return false
            }
        }
    }

    /// The kind of well-known credential `value` looks like, if any ("an AWS access key id").
    static func credentialKind(of value: String) -> String? {
        // Every kind but a private key starts with one of these letters (a character that only
        // starts with such a byte, such as `e` with a combining accent, is looked at in full).
        guard let first = value.utf8.first else { return nil }
        if !credentialInitials.contains(first) && !containsBytes(value, "-----BEGIN") { return nil }
        let count = value.count
        if count == 20, ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"].contains(String(value.prefix(4))),
           value.dropFirst(4).allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            return "an AWS access key id"
        }
        if containsBytes(value, "-----BEGIN") && containsBytes(value, "PRIVATE KEY") { return "a private key" }
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] where value.hasPrefix(prefix) && count == 40 && isAlphanumeric(value.dropFirst(4)) {
            return "a GitHub token"
        }
        if value.hasPrefix("github_pat_"), count > 40 { return "a GitHub token" }
        for prefix in ["xoxb-", "xoxa-", "xoxp-", "xoxo-", "xoxs-", "xoxr-"] where value.hasPrefix(prefix) && count > 20 {
            return "a Slack token"
        }
        for prefix in ["sk_live_", "rk_live_"] where value.hasPrefix(prefix) && count >= 24 { return "a Stripe secret key" }
        if value.hasPrefix("AIza"), count == 39 { return "a Google API key" }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].hasPrefix("eyJ"), parts[1].hasPrefix("eyJ"), parts.allSatisfy({ !$0.isEmpty }) {
            return "a JSON Web Token"
        }
        return nil
    }

    /// The first bytes of the credentials `credentialKind(of:)` knows, other than a private key:
    /// `A` (AWS, Google), `g` (GitHub), `x` (Slack), `s`/`r` (Stripe), `e` (a JSON Web Token).
    private static let credentialInitials: Set<UInt8> = Set("Agxsre".utf8)

    /// What a finding says instead of the value: the credential kind, or its length.
    static func description(of value: String) -> String {
        credentialKind(of: value) ?? "a \(value.count)-character literal"
    }

    /// Whether a literal `value` given to a secret-named setting is a secret: not empty, not
    /// a reference to where the secret lives (an ARN, an SSM parameter path, a dynamic
    /// reference), not a flag or number.
    static func isLiteralSecret(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: [" ", "\t", "\n"])
        guard !trimmed.isEmpty else { return false }
        if trimmed.hasPrefix("arn:") || trimmed.hasPrefix("/") || trimmed.hasPrefix("{{resolve:") { return false }
        if ["true", "false", "none", "null"].contains(trimmed.lowercased()) { return false }
        if trimmed.allSatisfy(\.isNumber) { return false }
        return true
    }

    private static func isAlphanumeric(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
