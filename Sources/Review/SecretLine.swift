/// Whether a line of source text may show a secret's value, for the formats that quote source
/// lines (code frames): a line that sets something named like a secret (`DB_PASSWORD = "…"`,
/// `"api_key": …`, `token=…`) or holds a literal shaped like a known credential (an AWS access
/// key id, a GitHub token, a private key). Such a line is shown with its values redacted, whatever
/// rule the finding on it belongs to.
public enum SecretLine {
    /// Whether `line` may reveal a secret.
    public static func mayReveal(_ line: some StringProtocol) -> Bool {
        let text = String(line)
        if cannotReveal(text) { return false }
        // Bytes, not Foundation's string search: code frames ask this for every finding listed.
        if text.utf8.contains(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") }) {
            let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            if words.contains(where: { SecretLiteral.isSecretName(String($0)) }) { return true }
        }
        let pieces = text.split(whereSeparator: { $0 == "\"" || $0 == "'" || $0 == " " || $0 == "=" || $0 == "," })
        return pieces.contains { SecretLiteral.credentialKind(of: String($0)) != nil }
    }

    /// Whether a byte scan shows that `mayReveal` is false for `text`, which most lines of code
    /// are: an ASCII line (whose lowercase is bytewise) with no fragment of a secret's name, and
    /// no piece that could be a credential (one starting with a credential's first letter and
    /// at least 20 long or starting `eyJ`, or a private key's `-----BEGIN`). False only means
    /// the full test must decide.
    static func cannotReveal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            let lowered = bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
            for fragment in nameFragments where lowered.withUnsafeBufferPointer({ contains($0, fragment) }) { return false }
            if contains(bytes, Array("-----BEGIN".utf8)) { return false }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && !pieceSeparators.contains(bytes[end]) { end += 1 }
                if end > start, credentialInitials.contains(bytes[start]) {
                    let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if piece.count >= 20 || piece.starts(with: "eyJ".utf8) { return false }
                }
                start = end + 1
            }
            return true
        }
    }

    /// What every secret-like name contains, lowercased: `SecretLiteral`'s fragments and whole words.
    private static let nameFragments: [[UInt8]] = (SecretLiteral.secretNameFragments + SecretLiteral.secretNameWords.sorted()).map { Array($0.utf8) }
    /// The bytes `mayReveal` splits pieces at.
    private static let pieceSeparators: Set<UInt8> = Set("\"' =,".utf8)
    /// The first bytes of the credentials `SecretLiteral.credentialKind(of:)` knows, other than a private key.
    private static let credentialInitials: Set<UInt8> = Set("Agxsre".utf8)

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
