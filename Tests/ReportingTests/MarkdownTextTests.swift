import Review
import Testing
@testable import Reporting

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("plain words", "plain words"),
        ("[x](https://evil.example)", "\\[x\\]\\(https\\://evil.example\\)"),
        ("![i](y.png)", "\\!\\[i\\]\\(y.png\\)"),
        ("<details><summary>x</summary>", "\\<details\\>\\<summary\\>x\\</summary\\>"),
        ("<!-- hide -->", "\\<\\!-- hide --\\>"),
        ("**bold** _em_ ~~del~~", "\\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~"),
        ("# heading | cell", "\\# heading \\| cell"),
        ("a`b``c", "a\\`b\\`\\`c"),
        ("line1\nline2\r\tend", "line1\\u{A}line2\\u{D}\\u{9}end"),
        ("@octocat", "@\u{200D}octocat"),
        ("www.evil.example", "www\\.evil.example"),
        ("WWW.evil.example", "WWW\\.evil.example"),
        ("&amp; &#60;", "\\&amp; \\&\\#60;"),
        ("back\\slash", "back\\\\slash"),
        ("rtl \u{202E}txt", "rtl \\u{202E}txt"),
        ("", ""),
    ])
    func escapeMakesTextLiteral(_ input: String, _ expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test(arguments: [
        ("aws_s3_bucket.data", "`aws_s3_bucket.data`"),
        ("a`b", "``a`b``"),
        ("x``y`", "``` x``y` ```"),
        ("`start", "`` `start ``"),
        (" padded ", "`  padded  `"),
        ("two\nlines", "`two\\u{A}lines`"),
        ("<img src=x>", "`<img src=x>`"),
        ("", "*(empty)*"),
    ])
    func codeSpanFenceIsLongerThanAnyBacktickRun(_ input: String, _ expected: String) {
        #expect(MarkdownText.codeSpan(input) == expected)
    }

    @Test func messageRebuildsTemplateCodeSpansAroundArguments() {
        let message = FindingMessage(
            template: "`{address}` allows `{action}` on *{resource}*",
            arguments: ["address": "aws_iam_policy.x`y", "action": "s3:*", "resource": "arn:aws:s3:::[b](https://e.example)"])
        #expect(MarkdownText.message(message) == "``aws_iam_policy.x`y`` allows `s3:*` on \\*arn\\:aws\\:s3\\:\\:\\:\\[b\\]\\(https\\://e.example\\)\\*")
    }

    @Test func backtickQuotedArgumentBecomesACodeSpan() {
        let message = FindingMessage(template: "allows {action} and {other}", arguments: ["action": "`s3:*`", "other": "`a`b`"])
        #expect(MarkdownText.message(message) == "allows `s3:*` and \\`a\\`b\\`")
    }

    @Test func messageWithUnmatchedBacktickStaysPlain() {
        let message = FindingMessage(template: "odd ` {name} here", arguments: ["name": "<b>"])
        #expect(MarkdownText.message(message) == "odd \\` \\<b\\> here")
    }

    @Test func urlPathEncodesEverythingThatCouldEndALink() {
        #expect(MarkdownText.urlPath("infra/my file (1).tf") == "infra/my%20file%20%281%29.tf")
        #expect(MarkdownText.urlPath("a#b?c<d>é") == "a%23b%3Fc%3Cd%3E%C3%A9")
        #expect(MarkdownText.urlBase("https://github.com/o/r) x") == "https://github.com/o/r%29%20x")
    }
}
