/// Finds Go test functions and assertions in a `_test.go` file.
///
/// Test cases: top-level `func TestXxx(t *testing.T)` where the character after `Test` is not
/// a lower-case letter (as `go test` requires). Subtests (`t.Run`), benchmarks, examples, fuzz
/// targets and methods of testify suites are not counted; `t.Skip()` is a run-time decision,
/// so every test function counts.
///
/// Assertions: `x.Error(`, `x.Errorf(`, `x.Fatal(`, `x.Fatalf(`, `x.Fail(`, `x.FailNow(` where `x`
/// is declared somewhere in the file as `*testing.T` or `testing.TB` (so `err.Error()` is not
/// one), and every `assert.F(` / `require.F(` call except `assert.New`/`require.New`.
struct GoTestScanner {
    func scan(_ bytes: [UInt8]) -> ScannedTests {
        let tokens = CLikeTokenizer(dialect: .go).tokens(of: bytes)
        let text = TokenText(bytes: bytes, tokens: tokens)
        let partner = text.matchingBrackets()
        let testerNames = testerNames(text)

        var assertionsBefore = [Int](repeating: 0, count: tokens.count + 1)
        for index in tokens.indices {
            let found = tokens[index].kind == .identifier && isAssertion(at: index, text, testerNames) ? 1 : 0
            assertionsBefore[index + 1] = assertionsBefore[index] + found
        }

        var cases: [ScannedTests.Case] = []
        var depth = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .punctuation {
                let byte = bytes[token.start]
                if byte == UInt8(ascii: "{") { depth += 1 } else if byte == UInt8(ascii: "}") { depth -= 1 }
                index += 1
                continue
            }
            guard depth == 0, text.isIdentifier(index, "func"), index + 2 < tokens.count,
                  tokens[index + 1].kind == .identifier, isTestName(tokens[index + 1], bytes),
                  text.isPunctuation(index + 2, UInt8(ascii: "(")), partner[index + 2] > index + 2 else {
                index += 1
                continue
            }
            let parametersEnd = partner[index + 2]
            guard takesTestingT(from: index + 3, to: parametersEnd, text) else {
                index += 1
                continue
            }
            var open = parametersEnd + 1
            while open < tokens.count, !text.isPunctuation(open, UInt8(ascii: "{")) { open += 1 }
            guard open < tokens.count, partner[open] > open else { break }
            let close = partner[open]
            let nameToken = tokens[index + 1]
            cases.append(.init(name: text.text(nameToken), line: nameToken.line,
                               assertions: assertionsBefore[close] - assertionsBefore[open]))
            index = close + 1
        }
        return ScannedTests(framework: "go", cases: cases, skipped: 0, assertions: assertionsBefore[tokens.count])
    }

    /// `Test`, or `Test` followed by something other than a lower-case ASCII letter.
    private func isTestName(_ token: SourceToken, _ bytes: [UInt8]) -> Bool {
        let text = TokenText(bytes: bytes, tokens: [])
        guard text.hasPrefix(token, "Test") else { return false }
        guard token.end - token.start > 4 else { return true }
        let next = bytes[token.start + 4]
        return !(next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
    }

    /// Whether the parameter list holds `*testing.T`.
    private func takesTestingT(from start: Int, to end: Int, _ text: TokenText) -> Bool {
        var index = start
        while index + 3 <= end {
            if text.isPunctuation(index, UInt8(ascii: "*")), text.isIdentifier(index + 1, "testing"),
               text.isPunctuation(index + 2, UInt8(ascii: ".")), text.isIdentifier(index + 3, "T") {
                return true
            }
            index += 1
        }
        return false
    }

    /// Names declared anywhere as `name *testing.T` or `name testing.TB`.
    private func testerNames(_ text: TokenText) -> Set<String> {
        var names: Set<String> = []
        let tokens = text.tokens
        for index in tokens.indices where tokens[index].kind == .identifier {
            var next = index + 1
            if text.isPunctuation(next, UInt8(ascii: "*")) { next += 1 }
            guard text.isIdentifier(next, "testing"), text.isPunctuation(next + 1, UInt8(ascii: ".")),
                  text.isIdentifier(next + 2, "T") || text.isIdentifier(next + 2, "TB") else { continue }
            names.insert(text.text(tokens[index]))
        }
        return names
    }

    /// Whether the identifier at `index` starts an assertion call.
    private func isAssertion(at index: Int, _ text: TokenText, _ testerNames: Set<String>) -> Bool {
        guard !text.isPunctuation(index - 1, UInt8(ascii: ".")), text.isPunctuation(index + 1, UInt8(ascii: ".")),
              index + 2 < text.tokens.count, text.tokens[index + 2].kind == .identifier,
              text.isPunctuation(index + 3, UInt8(ascii: "(")) else { return false }
        let method = text.tokens[index + 2]
        let receiver = text.tokens[index]
        if text.equals(receiver, "assert") || text.equals(receiver, "require") {
            return !text.equals(method, "New")
        }
        guard testerNames.contains(text.text(receiver)) else { return false }
        for name: StaticString in ["Error", "Errorf", "Fatal", "Fatalf", "Fail", "FailNow"] where text.equals(method, name) {
            return true
        }
        return false
    }
}
