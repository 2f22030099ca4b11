import Testing
@testable import LinearRegex

@Suite struct SafeRegexTests {
    @Test(arguments: [
        ("^arn:aws:iam::[0-9]{12}:root$", "arn:aws:iam::123456789012:root", true),
        ("^arn:aws:iam::[0-9]{12}:root$", "arn:aws:iam::1234:root", false),
        ("python3\\.(8|9)", "runtime python3.9", true),
        ("python3\\.(8|9)$", "python3.10", false),
        ("^(?:a|b)*c?$", "ababab", true),
        ("[^a-z]", "abc", false),
        ("\\d+\\s\\w", "12 x", true),
        ("colou?r", "color", true),
        ("x{2,3}", "axxb", true),
        ("^x{2,3}$", "xxxx", false),
        ("", "anything", true),
        ("(?P<name>ab)c", "zabc", true),
    ])
    func matchesLikeRE2(pattern: String, text: String, expected: Bool) throws {
        #expect(try SafeRegex(pattern).matches(text) == expected)
    }

    @Test func rejectsWhatCannotRunInLinearTime() {
        #expect(SafeRegex.problem(in: "(?=a)") == "lookahead '(?=' is not supported (it cannot run in linear time)")
        #expect(SafeRegex.problem(in: "a{2000}") == "repetition counts above 1000 are not supported")
        #expect(SafeRegex.problem(in: "(a") == "a group '(' is not closed")
        #expect(SafeRegex.problem(in: "a)") == "unbalanced ')' at position 2")
        #expect(SafeRegex.problem(in: "*a") == "'*' has nothing to repeat")
        #expect(SafeRegex.problem(in: "((a{1000}){1000})") == "the pattern is too large once its repetitions are expanded")
    }
}

@Suite struct SafeRegexCaptureTests {
    @Test func capturesGroupsLeftmostFirst() throws {
        let regex = try SafeRegex("arn:aws:([a-z0-9-]+):([a-z0-9-]*):(\\d{12})?:(.*)")
        let text = "arn:aws:s3:::bucket/key"
        let match = try #require(regex.firstMatch(in: text))
        #expect(match.range == 0..<23)
        #expect(match.groups.map { $0.map { SafeRegex.substring(text, $0) } } == ["s3", "", nil, "bucket/key"])
    }

    @Test func greedyAndLazyQuantifiersPickDifferentMatches() throws {
        let text = "<a><b>"
        #expect(try SafeRegex("<.+>").firstMatch(in: text)?.range == 0..<6)
        #expect(try SafeRegex("<.+?>").firstMatch(in: text)?.range == 0..<3)
        #expect(try SafeRegex("a|ab").firstMatch(in: "ab")?.range == 0..<1)
    }

    @Test func namedGroupsAndAllMatches() throws {
        let regex = try SafeRegex("(?P<key>[a-z]+)=(?P<value>\\d+)")
        #expect(regex.groupCount == 2)
        #expect(regex.groupNames == [1: "key", 2: "value"])
        let text = "a=1, bb=22,c=x"
        #expect(regex.allMatches(in: text).map { SafeRegex.substring(text, $0.range) } == ["a=1", "bb=22"])
        #expect(try SafeRegex("x*").allMatches(in: "ab").map(\.range) == [0..<0, 1..<1, 2..<2])
    }

    @Test func replacesWithGroupReferences() throws {
        #expect(try SafeRegex("(\\w+)@(\\w+)").replacing(in: "alice@corp bob@home", with: "$2:$1") == "corp:alice home:bob")
        #expect(try SafeRegex("(?P<n>\\d+)").replacing(in: "v12", with: "[${n}]$$") == "v[12]$")
        #expect(try SafeRegex("-").replacing(in: "a-b-c", with: "") == "abc")
    }

    @Test func caseInsensitiveFlag() throws {
        #expect(try SafeRegex("(?i)^python3\\.[89]$").matches("PYTHON3.8"))
        #expect(try SafeRegex("(?i)[a-c]x").matches("Bx"))
        #expect(try !SafeRegex("^python3$").matches("PYTHON3"))
    }

    @Test func pathologicalPatternStaysLinear() throws {
        let regex = try SafeRegex("^(a|a)*(a+)+b$")
        #expect(!regex.matches(String(repeating: "a", count: 20_000)))
    }
}
