import Testing
@testable import Python

@Suite("Tokenizer")
struct TokenizerTests {
    func kinds(_ source: String) -> [String] {
        let bytes = Array(source.utf8)
        return Tokenizer.tokenize(bytes).tokens.map { token in
            let text = String(decoding: bytes[token.range.offsets], as: UTF8.self)
            switch token.kind {
            case .name: return "NAME \(text)"
            case .number: return "NUMBER \(text)"
            case .string: return "STRING \(text)"
            case .keyword(let keyword): return "KEYWORD \(keyword.rawValue)"
            case .punctuator(let punctuator): return "OP \(punctuator.rawValue)"
            case .newline: return "NEWLINE"
            case .indent: return "INDENT"
            case .dedent: return "DEDENT"
            case .endMarker: return "ENDMARKER"
            case .error: return "ERROR \(text)"
            }
        }
    }

    @Test func indentationProducesIndentAndDedent() {
        #expect(kinds("if x:\n    y\n\n  # comment\nz\n") == [
            "KEYWORD if", "NAME x", "OP :", "NEWLINE", "INDENT", "NAME y", "NEWLINE", "DEDENT", "NAME z", "NEWLINE",
            "ENDMARKER",
        ])
    }

    @Test func bracketsJoinLinesAndFinalNewlineIsAdded() {
        #expect(kinds("f(a,\n  b)") == [
            "NAME f", "OP (", "NAME a", "OP ,", "NAME b", "OP )", "NEWLINE", "ENDMARKER",
        ])
    }

    @Test func longestOperatorsWin() {
        #expect(kinds("a **= b //= c >>= d <<= e ... -> := != == <= >= @= ** //\n") == [
            "NAME a", "OP **=", "NAME b", "OP //=", "NAME c", "OP >>=", "NAME d", "OP <<=", "NAME e", "OP ...",
            "OP ->", "OP :=", "OP !=", "OP ==", "OP <=", "OP >=", "OP @=", "OP **", "OP //", "NEWLINE", "ENDMARKER",
        ])
    }

    @Test func stringPrefixesAndSoftKeywords() {
        #expect(kinds("rb'x' Br\"y\" f'{a}' u'z' fr'w' match type _ rf\n") == [
            "STRING rb'x'", "STRING Br\"y\"", "STRING f'{a}'", "STRING u'z'", "STRING fr'w'", "NAME match",
            "NAME type", "NAME _", "NAME rf", "NEWLINE", "ENDMARKER",
        ])
    }

    @Test func numbers() {
        #expect(kinds("0x_dead_BEEF 0o17 0b_1 1_000 1.5e+3 .5 5. 1e5j 3J\n") == [
            "NUMBER 0x_dead_BEEF", "NUMBER 0o17", "NUMBER 0b_1", "NUMBER 1_000", "NUMBER 1.5e+3", "NUMBER .5",
            "NUMBER 5.", "NUMBER 1e5j", "NUMBER 3J", "NEWLINE", "ENDMARKER",
        ])
    }

    @Test func tokenRangesAreExact() {
        let tokens = Tokenizer.tokenize(Array("é = 'ü'\n".utf8)).tokens
        #expect(tokens.map(\.range) == [
            SourceRange(1, 0, 0, 1, 2, 2),
            SourceRange(1, 3, 3, 1, 4, 4),
            SourceRange(1, 5, 5, 1, 9, 9),
            SourceRange(1, 9, 9, 2, 0, 10),
            SourceRange(2, 0, 10, 2, 0, 10),
        ])
    }

    @Test func unclosedBracketIsReportedAtEndOfFile() {
        let result = Tokenizer.tokenize(Array("x = [1,\n2".utf8))
        #expect(describe(result.diagnostics) == ["1:4@4-1:5@5 '[' was never closed"])
    }

    @Test func tripleQuotedStringsSpanLines() {
        #expect(kinds("s = '''a\n'b'\n'''\n") == ["NAME s", "OP =", "STRING '''a\n'b'\n'''", "NEWLINE", "ENDMARKER"])
    }
}
