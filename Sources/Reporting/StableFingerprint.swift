import Review

/// A stable fingerprint of a finding's identity, for SARIF `partialFingerprints` and Code
/// Climate `fingerprint`: the same rule, directory, subject and attribute path always give the
/// same value, whatever the line. Two 64-bit FNV-1a hashes with different offset bases, as 32
/// hexadecimal digits. Not a security hash: it only has to be stable and well spread.
enum StableFingerprint {
    /// The fingerprint of `identity`.
    static func of(_ identity: FindingIdentity) -> String {
        let key = [identity.ruleID, identity.directory, identity.subject, identity.attributePath].joined(separator: "\u{1F}")
        return hex(fnv1a(key, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(key, basis: 0x6c62_272e_07bb_0142))
    }

    /// The fingerprint of a file not analysed: its path and the reason, never its line.
    static func of(_ problem: ReviewProblem) -> String {
        let key = [ReviewProblem.checkName, problem.file, problem.message].joined(separator: "\u{1F}")
        return hex(fnv1a(key, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(key, basis: 0x6c62_272e_07bb_0142))
    }

    static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        String(value, radix: 16).leftPadded(to: 16)
    }
}
