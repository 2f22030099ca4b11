/// Finds jest, vitest and mocha test cases and assertions in a JavaScript or TypeScript file.
///
/// Test cases: each call of `test`, `it` or `specify` (not a member such as `re.test(…)`, not a
/// declaration `function test(…)`), with any chain of modifiers: `.only`, `.concurrent`,
/// `.failing`, `.fails`, `.sequential`, `.each(table)` (or `` .each`table` ``), and vitest's
/// run-time conditions `.skipIf(cond)` / `.runIf(cond)` (still counted); any other
/// member (`it.done()`) means it is not a test call. A `.each` call counts once, like a
/// parametrized pytest function. Skipped cases are not counted as tests but reported in
/// `skipped`: `.skip`, `.todo`, `xit`, `xtest`, and every case inside `describe.skip(…)` or
/// `xdescribe(…)`. `describe`/`context`/`suite` blocks are not tests.
///
/// Assertions: each `expect(` call (a chain such as `expect(a).toBe(b)` counts once), each
/// `assert(` or `assert.x(` call, and each `should` (`a.should.equal(b)`, `should(a)`). A
/// case's body is its argument list (after the table for `.each`).
///
/// The framework is `vitest` when the file imports `vitest`; `jest` when it imports
/// `@jest/globals` or uses `jest.`; `mocha` when it imports `mocha`, `chai`, `should` or Node's
/// `assert`; otherwise `jest`.
struct JavaScriptTestScanner {
    func scan(_ bytes: [UInt8]) -> ScannedTests {
        let tokens = CLikeTokenizer(dialect: .javaScript).tokens(of: bytes)
        let text = TokenText(bytes: bytes, tokens: tokens)
        let partner = text.matchingBrackets()
        // assertionsBefore[i]: assertion sites among tokens 0..<i.
        var assertionsBefore = [Int](repeating: 0, count: tokens.count + 1)
        var importsVitest = false
        var usesJest = false
        var importsMocha = false
        for index in tokens.indices {
            var found = 0
            let token = tokens[index]
            if token.kind == .identifier {
                found = isAssertion(at: index, text) ? 1 : 0
                if text.equals(token, "jest"), text.isPunctuation(index + 1, UInt8(ascii: ".")),
                   !text.isPunctuation(index - 1, UInt8(ascii: ".")) {
                    usesJest = true
                }
            } else if token.kind == .string, isModuleSpecifier(at: index, text) {
                let specifier = text.stringContent(token)
                if specifier == "vitest" || specifier.hasPrefix("vitest/") { importsVitest = true }
                if specifier == "@jest/globals" { usesJest = true }
                if ["mocha", "chai", "should", "assert", "assert/strict", "node:assert", "node:assert/strict"].contains(specifier) {
                    importsMocha = true
                }
            }
            assertionsBefore[index + 1] = assertionsBefore[index] + found
        }

        var cases: [ScannedTests.Case] = []
        var skipped = 0
        var skippedBlockEnds: [Int] = []  // token index of the `)` closing a skipped describe
        var index = 0
        while index < tokens.count {
            while let end = skippedBlockEnds.last, end < index { skippedBlockEnds.removeLast() }
            let token = tokens[index]
            guard token.kind == .identifier, !text.isPunctuation(index - 1, UInt8(ascii: ".")),
                  !text.isIdentifier(index - 1, "function") else {
                index += 1
                continue
            }
            let isCase = text.equals(token, "test") || text.equals(token, "it") || text.equals(token, "specify")
            let isSkippedCase = text.equals(token, "xit") || text.equals(token, "xtest") || text.equals(token, "xspecify")
            let isBlock = text.equals(token, "describe") || text.equals(token, "context") || text.equals(token, "suite")
            let isSkippedBlock = text.equals(token, "xdescribe") || text.equals(token, "xcontext")
            guard isCase || isSkippedCase || isBlock || isSkippedBlock else {
                index += 1
                continue
            }
            // Modifier chain: `.only`, `.skip`, `.each(…)` …
            var cursor = index + 1
            var skip = isSkippedCase || isSkippedBlock
            var parametrized = false
            var unknownModifier = false
            while text.isPunctuation(cursor, UInt8(ascii: ".")), cursor + 1 < tokens.count, tokens[cursor + 1].kind == .identifier {
                let modifier = tokens[cursor + 1]
                if text.equals(modifier, "skip") || text.equals(modifier, "todo") {
                    skip = true
                } else if text.equals(modifier, "each") {
                    parametrized = true
                } else if text.equals(modifier, "skipIf") || text.equals(modifier, "runIf") {
                    // vitest's run-time condition: `it.skipIf(cond)('name', fn)` still counts.
                    guard text.isPunctuation(cursor + 2, UInt8(ascii: "(")), partner[cursor + 2] > cursor + 2 else {
                        unknownModifier = true
                        break
                    }
                    cursor = partner[cursor + 2] - 1
                } else if !(text.equals(modifier, "only") || text.equals(modifier, "concurrent") || text.equals(modifier, "failing")
                            || text.equals(modifier, "fails") || text.equals(modifier, "sequential")) {
                    unknownModifier = true
                }
                cursor += 2
            }
            if unknownModifier {
                index += 1
                continue
            }
            if parametrized {
                if text.isPunctuation(cursor, UInt8(ascii: "(")), partner[cursor] > cursor {
                    cursor = partner[cursor] + 1
                } else if cursor < tokens.count, tokens[cursor].kind == .string {
                    // A tagged template table: skip its substitutions' tokens too.
                    let tableEnd = tokens[cursor].end
                    cursor += 1
                    while cursor < tokens.count, tokens[cursor].start < tableEnd { cursor += 1 }
                }
            }
            guard text.isPunctuation(cursor, UInt8(ascii: "(")), partner[cursor] > cursor else {
                index += 1
                continue
            }
            let close = partner[cursor]
            if isBlock || isSkippedBlock {
                if skip { skippedBlockEnds.append(close) }
                index = cursor + 1
                continue
            }
            if skip || !skippedBlockEnds.isEmpty {
                skipped += 1
            } else {
                let nameToken = cursor + 1 < tokens.count ? tokens[cursor + 1] : nil
                let name = nameToken.flatMap { $0.kind == .string ? text.stringContent($0) : nil } ?? "line \(token.line)"
                let found = assertionsBefore[close] - assertionsBefore[cursor]
                cases.append(.init(name: name, line: token.line, assertions: found))
            }
            index = cursor + 1
        }
        let framework = importsVitest ? "vitest" : usesJest ? "jest" : importsMocha ? "mocha" : "jest"
        return ScannedTests(framework: framework, cases: cases, skipped: skipped, assertions: assertionsBefore[tokens.count])
    }

    /// Whether the identifier at `index` is an assertion site.
    private func isAssertion(at index: Int, _ text: TokenText) -> Bool {
        let token = text.tokens[index]
        let afterDot = text.isPunctuation(index - 1, UInt8(ascii: "."))
        if text.equals(token, "should") {
            return afterDot || text.isPunctuation(index + 1, UInt8(ascii: "(")) || text.isPunctuation(index + 1, UInt8(ascii: "."))
        }
        guard !afterDot else { return false }
        if text.equals(token, "expect") { return text.isPunctuation(index + 1, UInt8(ascii: "(")) }
        if text.equals(token, "assert") {
            return text.isPunctuation(index + 1, UInt8(ascii: "(")) || text.isPunctuation(index + 1, UInt8(ascii: "."))
        }
        return false
    }

    /// Whether the string at `index` names a module: `from '…'`, `import '…'`, `require('…')`, `import('…')`.
    private func isModuleSpecifier(at index: Int, _ text: TokenText) -> Bool {
        if text.isIdentifier(index - 1, "from") || text.isIdentifier(index - 1, "import") { return true }
        guard text.isPunctuation(index - 1, UInt8(ascii: "(")) else { return false }
        return text.isIdentifier(index - 2, "require") || text.isIdentifier(index - 2, "import")
    }
}
