/// Finds pytest and unittest test cases and assertions in a Python file.
///
/// Test cases: `def`/`async def` whose name starts with `test`, either at module level or
/// directly inside a class whose name starts with `Test` or that derives from a class whose
/// name ends with `TestCase` (`unittest.TestCase`, `IsolatedAsyncioTestCase`, Django's
/// `TestCase`). A parametrized function counts once. A function or class decorated with a
/// decorator whose last name is `skip` (`@pytest.mark.skip`, `@unittest.skip(...)`) is skipped;
/// `skipif`/`skipIf` are run-time decisions and still count.
///
/// Assertions: each `assert` statement, each `pytest.raises`, and each call of an attribute whose
/// name starts with `assert` (`self.assertEqual(`, `mock.assert_called_once_with(`). A test's
/// body is every logical line indented deeper than its `def`, including nested functions.
///
/// The framework is `unittest` when the file has a `TestCase` class, no module-level test
/// functions and never names `pytest`; otherwise `pytest`.
struct PythonTestScanner {
    private enum Scope {
        case testClass(indent: Int, skipped: Bool)
        case otherClass(indent: Int)
        case function(indent: Int, testIndex: Int?)

        var indent: Int {
            switch self {
            case .testClass(let indent, _), .otherClass(let indent), .function(let indent, _): indent
            }
        }
    }

    func scan(_ bytes: [UInt8]) -> ScannedTests {
        let (tokens, lines) = PythonTokenizer().tokenize(bytes)
        let text = TokenText(bytes: bytes, tokens: tokens)
        var cases: [ScannedTests.Case] = []
        var skipped = 0
        var assertions = 0
        var scopes: [Scope] = []
        var pendingSkip = false
        var namesPytest = false
        var hasTestCaseClass = false
        var hasModuleLevelTest = false

        func countAssertions(in range: Range<Int>) {
            var found = 0
            for index in range where tokens[index].kind == .identifier {
                if text.isIdentifier(index, "pytest") { namesPytest = true }
                if isAssertion(at: index, text) { found += 1 }
            }
            guard found > 0 else { return }
            assertions += found
            for scope in scopes.reversed() {
                if case .function(_, let testIndex) = scope, let testIndex {
                    cases[testIndex].assertions += found
                    break
                }
            }
        }

        for line in lines {
            while let last = scopes.last, last.indent >= line.indent { scopes.removeLast() }
            var first = line.tokens.lowerBound
            if text.isPunctuation(first, UInt8(ascii: "@")) {
                if decoratorSkips(line.tokens, text) { pendingSkip = true }
                countAssertions(in: line.tokens)
                continue
            }
            if text.isIdentifier(first, "async"), text.isIdentifier(first + 1, "def") { first += 1 }
            if text.isIdentifier(first, "class"), first + 1 < line.tokens.upperBound {
                let nameToken = tokens[first + 1]
                let enclosedByFunction = scopes.contains { if case .function = $0 { true } else { false } }
                let derivesTestCase = basesIncludeTestCase(line.tokens, text)
                if derivesTestCase { hasTestCaseClass = true }
                let parentSkipped = scopes.contains { if case .testClass(_, true) = $0 { true } else { false } }
                if !enclosedByFunction, text.hasPrefix(nameToken, "Test") || derivesTestCase {
                    scopes.append(.testClass(indent: line.indent, skipped: pendingSkip || parentSkipped))
                } else {
                    scopes.append(.otherClass(indent: line.indent))
                }
                pendingSkip = false
                countAssertions(in: line.tokens)
                continue
            }
            if text.isIdentifier(first, "def"), first + 1 < line.tokens.upperBound {
                let nameToken = tokens[first + 1]
                var testIndex: Int?
                var isTest = false
                var classSkipped = false
                if text.hasPrefix(nameToken, "test") {
                    switch scopes.last {
                    case nil:
                        isTest = true
                        hasModuleLevelTest = true
                    case .testClass(_, let skippedClass)?:
                        isTest = true
                        classSkipped = skippedClass
                    default:
                        break
                    }
                }
                if isTest {
                    if pendingSkip || classSkipped {
                        skipped += 1
                    } else {
                        testIndex = cases.count
                        cases.append(.init(name: text.text(nameToken), line: nameToken.line, assertions: 0))
                    }
                }
                pendingSkip = false
                scopes.append(.function(indent: line.indent, testIndex: testIndex))
                countAssertions(in: (first + 2)..<line.tokens.upperBound)
                continue
            }
            countAssertions(in: line.tokens)
        }
        let unittest = hasTestCaseClass && !hasModuleLevelTest && !namesPytest
        return ScannedTests(framework: unittest ? "unittest" : "pytest", cases: cases, skipped: skipped, assertions: assertions)
    }

    /// Whether the identifier at `index` is an assertion site.
    private func isAssertion(at index: Int, _ text: TokenText) -> Bool {
        let token = text.tokens[index]
        let afterDot = text.isPunctuation(index - 1, UInt8(ascii: "."))
        if !afterDot { return text.equals(token, "assert") }
        if text.hasPrefix(token, "assert") { return text.isPunctuation(index + 1, UInt8(ascii: "(")) }
        return text.equals(token, "raises") && text.isIdentifier(index - 2, "pytest")
    }

    /// Whether a decorator line's dotted name ends in `skip` (`@pytest.mark.skip`, `@unittest.skip("…")`).
    private func decoratorSkips(_ range: Range<Int>, _ text: TokenText) -> Bool {
        var index = range.lowerBound + 1
        var last: SourceToken?
        while index < range.upperBound, text.tokens[index].kind == .identifier {
            last = text.tokens[index]
            guard text.isPunctuation(index + 1, UInt8(ascii: ".")) else { break }
            index += 2
        }
        guard let last else { return false }
        return text.equals(last, "skip")
    }

    /// Whether a class line's bases name a class ending in `TestCase`.
    private func basesIncludeTestCase(_ range: Range<Int>, _ text: TokenText) -> Bool {
        let suffix = Array("TestCase".utf8)
        var index = range.lowerBound + 2
        guard text.isPunctuation(index, UInt8(ascii: "(")) else { return false }
        index += 1
        while index < range.upperBound, !text.isPunctuation(index, UInt8(ascii: ")")) {
            let token = text.tokens[index]
            if token.kind == .identifier, token.end - token.start >= suffix.count,
               Array(text.bytes[(token.end - suffix.count)..<token.end]) == suffix {
                return true
            }
            index += 1
        }
        return false
    }
}
