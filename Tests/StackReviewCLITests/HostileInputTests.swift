import Foundation
import Git
import TestSupport
import Testing

/// The adversarial repository suite: real repositories holding hostile Terraform, Python, Git
/// histories, rule and configuration files, reviewed by the built binary. A review never crashes
/// or hangs; a file it cannot analyse is a problem (path, line, reason) in every format and
/// counted in Key Metrics; the rest of the review goes on.
@Suite struct HostileInputTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: Terraform, byte level

    @Test func terraformByteLevelInputIsReportedOrReadAndTheReviewGoesOn() throws {
        let repository = try HostileRepository()
        var binary: [UInt8] = []
        for _ in 0..<40 { binary += (0...255).map { UInt8($0) } }
        try repository.commit([
            "binary/main.tf": binary,
            "utf8/main.tf": Self.bytes("resource \"aws_s3_bucket\" \"u\" {\n  bucket = \"") + [0xFF, 0xFE, 0xC3, 0x28] + Self.bytes("\"\n}\n"),
            "nul/main.tf": Self.bytes("resource \"aws_s3_bucket\" \"n\" {\n  bucket = \"a") + [0] + Self.bytes("b\"\n}\n"),
            "bom/main.tf": [0xEF, 0xBB, 0xBF] + Self.bytes("resource \"aws_s3_bucket_acl\" \"bom\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n"),
            "crlf/main.tf": Self.bytes("resource \"aws_s3_bucket_acl\" \"crlf\" {\r\n  bucket = \"b\"\r\n  acl    = \"public-read\"\r\n}\r\n"),
            "cr/main.tf": Self.bytes("resource \"aws_s3_bucket_acl\" \"cr\" {\r  bucket = \"b\"\r  acl    = \"public-read\"\r}\r"),
        ])
        let text = try repository.review()
        #expect(text.status == 1)
        #expect(text.errors == "")
        #expect(HostileRepository.notAnalysed(text.output) == [
            "binary/main.tf:1: Binary file: The file holds a NUL byte (line 1), so it is binary or not UTF-8 text; it was not read as Terraform. Remove it or save it as UTF-8 text.",
            "cr/main.tf:1: Missing newline after argument: An argument must end with a newline, but found an identifier. Put the next argument or block on its own line.",
            "nul/main.tf:2: Binary file: The file holds a NUL byte (line 2), so it is binary or not UTF-8 text; it was not read as Terraform. Remove it or save it as UTF-8 text.",
            "utf8/main.tf:2: Invalid UTF-8: The file is not valid UTF-8 at this byte. Save the file as UTF-8; invalid bytes are read as U+FFFD.",
        ])
        // A BOM and CRLF line ends do not stop the review: each public ACL is found, and the code
        // frame shows exactly the finding's line. HCL, like Terraform, does not end a line at a
        // lone CR, so that file's second argument is a syntax error.
        #expect(text.output.contains("""
              CRITICAL bom/main.tf:3:12  `aws_s3_bucket_acl.bom` grants public access with the canned ACL "public-read"  [aws-s3-bucket-public-acl]
                  3 |   acl    = "public-read"
                    |            ^^^^^^^^^^^^^
            """))
        #expect(text.output.contains("""
              CRITICAL crlf/main.tf:3:12  `aws_s3_bucket_acl.crlf` grants public access with the canned ACL "public-read"  [aws-s3-bucket-public-acl]
                  3 |   acl    = "public-read"
                    |            ^^^^^^^^^^^^^
            """))
        let all = try repository.reviewEveryFormat()
        #expect(all.values.allSatisfy { $0.status == 1 && $0.errors == "" })
        #expect(try HostileRepository.formatsMissingProblems(all, paths: ["binary/main.tf", "cr/main.tf", "nul/main.tf", "utf8/main.tf"]) == [])
        let markdown = try #require(all["markdown"]).output
        #expect(markdown.contains("- **Files Not Analysed:** 4 files, 4 problems (listed under Not Analysed)\n"))
    }

    // MARK: Terraform, structure

    @Test func deepNestingStopsAtTheLimitWithOneProblemPerFile() throws {
        let repository = try HostileRepository()
        let depth = 10_000
        try repository.commit(text: [
            "list/main.tf": "locals {\n  a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n}\n",
            "paren/main.tf": "locals {\n  a = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n}\n",
            "block/main.tf": "resource \"x\" \"y\" {\n" + String(repeating: "a {\n", count: depth) + String(repeating: "}\n", count: depth + 1),
            "json/main.tf.json": "{\"locals\": {\"a\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}",
            "fine/main.tf": "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n",
        ])
        let text = try repository.review()
        #expect(text.status == 1)
        let nested = "Nesting too deep: Blocks, brackets, parentheses, templates or operators are nested more than 200 levels deep here. Flatten the structure; the rest of the file was not read."
        #expect(HostileRepository.notAnalysed(text.output) == [
            "block/main.tf:201: " + nested,
            "json/main.tf.json:1: Nesting too deep: Arrays and objects are nested more than 256 levels deep here. Flatten the structure; the rest of the file was not read.",
            "list/main.tf:2: " + nested,
            "paren/main.tf:2: " + nested,
        ])
        #expect(text.output.contains("CRITICAL fine/main.tf:3:12  `aws_s3_bucket_acl.a` grants public access"))
    }

    @Test func everyUnterminatedConstructIsOneProblemWithItsLine() throws {
        let repository = try HostileRepository()
        try repository.commit(text: [
            "string/main.tf": "resource \"aws_s3_bucket\" \"s\" {\n  bucket = \"abc\n}\n",
            "heredoc/main.tf": "resource \"aws_s3_bucket\" \"h\" {\n  bucket = <<EOT\nabc\n",
            "template/main.tf": "resource \"aws_s3_bucket\" \"t\" {\n  bucket = \"${var.x\"\n}\n",
            "block/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n",
            "comment/main.tf": "resource \"aws_s3_bucket\" \"c\" {\n  bucket = \"x\"\n}\n/* never closed\n",
        ])
        let text = try repository.review()
        #expect(text.status == 1)
        #expect(HostileRepository.notAnalysed(text.output) == [
            "block/main.tf:1: Unclosed configuration block: There is no closing brace for this block before the end of the file. Add a \"}\" to close it.",
            "comment/main.tf:4: Unterminated comment: There is no \"*/\" to close the comment that starts here. Add \"*/\" where the comment should end.",
            "heredoc/main.tf:1: Unclosed configuration block: There is no closing brace for this block before the end of the file. Add a \"}\" to close it.",
            "heredoc/main.tf:2: Unterminated heredoc: There is no line holding only \"EOT\" to close the heredoc that starts here. Add that line where the text ends.",
            "string/main.tf:2: Unterminated template string: The quoted string that starts here has no closing quote before the end of the line. Add a closing \"\\\\\"\"; a string cannot span lines (use a heredoc for multi-line text).",
            "template/main.tf:2: Unclosed template interpolation: The interpolation \"${\" that starts here must end with \"}\", but found a quoted string.",
        ])
    }

    @Test func cyclesEscapesAndDuplicatesAreProblemsNotHangs() throws {
        let repository = try HostileRepository()
        try repository.commit(text: [
            "locals/main.tf": "locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\nresource \"aws_sqs_queue\" \"c\" {\n  name = local.a\n}\n",
            "self/main.tf": "module \"me\" {\n  source = \"./\"\n}\n",
            "cycle_a/main.tf": "module \"b\" {\n  source = \"../cycle_b\"\n}\n",
            "cycle_b/main.tf": "module \"a\" {\n  source = \"../cycle_a\"\n}\n",
            "escape/main.tf": """
                locals {
                  p = file("../../../../etc/passwd")
                  q = file("/etc/passwd")
                  r = templatefile("/etc/hostname", {})
                  s = file("link")
                }
                module "up" {
                  source = "../../../../../tmp"
                }
                resource "aws_sqs_queue" "e" {
                  name = local.p
                  tags = { q = local.q, r = local.r, s = local.s }
                }

                """,
            "dup/main.tf": "resource \"aws_sqs_queue\" \"d\" {\n  name = \"a\"\n  name = \"b\"\n}\nresource \"aws_sqs_queue\" \"d\" {\n  name = \"c\"\n}\nlocals {\n  x = 1\n}\nlocals {\n  x = 2\n}\nvariable \"v\" {}\nvariable \"v\" {}\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/escape/link", withDestinationPath: "/etc/passwd")
        try repository.sandbox.commitAll("a link out of the repository", in: repository.name)
        let text = try repository.review()
        #expect(text.status == 0)
        #expect(text.errors == "")
        #expect(HostileRepository.notAnalysed(text.output) == [
            "cycle_a/main.tf:1: Module cycle: module \"b\" loads cycle_b, which is already being loaded (cycle_b → cycle_a → cycle_b). Break the cycle.",
            "cycle_b/main.tf:1: Module cycle: module \"a\" loads cycle_a, which is already being loaded (cycle_a → cycle_b → cycle_a). Break the cycle.",
            "dup/main.tf:3: Attribute redefined: The argument \"name\" was already set at line 2, column 3. Each argument may be set only once; remove one of them.",
            "dup/main.tf:5: Duplicate declaration: aws_sqs_queue.d is declared more than once in this module. Rename or remove one of the blocks.",
            "dup/main.tf:12: Duplicate local value definition: The local value \"x\" is defined more than once. Rename or remove one of them.",
            "dup/main.tf:15: Duplicate declaration: var.v is declared more than once in this module. Rename or remove one of the blocks.",
            "escape/main.tf:2: File outside the repository: file(\"../../../../etc/passwd\") leaves the repository; only files inside it can be read, so the value is unknown. Use a path relative to path.module.",
            "escape/main.tf:3: File outside the repository: file(\"/etc/passwd\") leaves the repository; only files inside it can be read, so the value is unknown. Use a path relative to path.module.",
            "escape/main.tf:4: File outside the repository: templatefile(\"/etc/hostname\") leaves the repository; only files inside it can be read, so the value is unknown. Use a path relative to path.module.",
            "escape/main.tf:5: Invalid function argument: No file exists at link (escape/link in the repository).",
            "escape/main.tf:8: Module outside the repository: module \"up\" has the source \"../../../../../tmp\", which leaves the repository; only modules inside it are read, so the module was not analysed. Use a path inside the repository.",
            "locals/main.tf:2: Cycle in local values: The local values local.a, local.b, local.c refer to each other (local.a → local.b → local.c → local.a), so none of them has a value. Break the cycle.",
            "self/main.tf:1: Module cycle: module \"me\" loads self, which is already being loaded (self → self). Break the cycle.",
        ])
        // Nothing from outside the repository reached any output.
        let all = try repository.reviewEveryFormat()
        for (format, result) in all { #expect(!result.output.contains("root:x:0:0"), "--format \(format) shows /etc/passwd") }
    }

    @Test func aFileWithThousandsOfErrorsListsTwentyAndCountsTheRest() throws {
        let repository = try HostileRepository()
        try repository.commit(text: ["noise/main.tf": String(repeating: "= = =\n", count: 5_000)])
        let problems = HostileRepository.notAnalysed(try repository.review().output)
        #expect(problems.count == 21)
        #expect(problems.first == "noise/main.tf: 4980 more errors after the first 20 are not listed; fix those first and review again.")
    }

    @Test func aFileOverTenMebibytesIsOneProblem() throws {
        let repository = try HostileRepository()
        let line = "locals {\n  x = \"" + String(repeating: "a", count: 1_000) + "\"\n}\n"
        let huge = String(repeating: line, count: 50 * 1_024 * 1_024 / line.utf8.count + 1)
        let python = "def handler(event, context):\n    return \"" + String(repeating: "a", count: 11 * 1_024 * 1_024) + "\"\n"
        try repository.commit(text: ["huge/main.tf": huge, "lambda/huge.py": python])
        let text = try repository.review()
        #expect(text.status == 0)
        #expect(HostileRepository.notAnalysed(text.output) == [
            "huge/main.tf:1: File too large: The file is 50.0 MiB, more than the 10.0 MiB stackreview reads; it was not analysed. Split it into smaller files.",
            "lambda/huge.py: File too large: the file is 11.0 MiB, more than the 10.0 MiB stackreview reads. The file's handler rules were not run.",
        ])
    }

    /// 100,000 resources in one module: every one is reviewed (about a minute with the debug
    /// build, so only with STACKREVIEW_SLOW_TESTS=1).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STACKREVIEW_SLOW_TESTS"] == "1"))
    func aHundredThousandResourcesInOneModule() throws {
        let repository = try HostileRepository()
        var text = ""
        for index in 0..<100_000 { text += "resource \"aws_sqs_queue\" \"q\(index)\" {\n  name = \"q\(index)\"\n}\n" }
        try repository.commit(text: ["infra/big.tf": text])
        let result = try repository.review("json")
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((object?["touched"] as? [Any])?.count == 100_000)
    }

    // MARK: Python handlers

    @Test func hostilePythonIsOneProblemPerFileAndTheRestIsReviewed() throws {
        let repository = try HostileRepository()
        let depth = 10_000
        var files: [String: [UInt8]] = [
            "lambda/binary.py": (0..<40).flatMap { _ in (0...255).map { UInt8($0) } },
            "lambda/nul.py": Self.bytes("def handler(event, context):\n    return \"") + [0] + Self.bytes("\"\n"),
            "lambda/utf8.py": Self.bytes("def handler(event, context):\n    return \"") + [0xFF, 0xFE] + Self.bytes("\"\n"),
            "lambda/bom.py": [0xEF, 0xBB, 0xBF] + Self.bytes("import logging\nlogger = logging.getLogger()\ndef handler(event, context):\n    print(event)\n"),
            "lambda/crlf.py": Self.bytes("import logging\r\nlogger = logging.getLogger()\r\ndef handler(event, context):\r\n    print(event)\r\n"),
            "lambda/cr.py": Self.bytes("import logging\rlogger = logging.getLogger()\rdef handler(event, context):\r    print(event)\r"),
        ]
        let texts: [String: String] = [
            "lambda/deep_paren.py": "def handler(event, context):\n    return " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n",
            "lambda/deep_list.py": "def handler(event, context):\n    return " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
            "lambda/deep_not.py": "def handler(event, context):\n    return " + String(repeating: "not ", count: 100_000) + "x\n",
            "lambda/deep_sum.py": "def handler(event, context):\n    return " + Array(repeating: "1", count: 100_000).joined(separator: "+") + "\n",
            "lambda/deep_attr.py": "def handler(event, context):\n    return x" + String(repeating: ".a", count: 100_000) + "\n",
            "lambda/deep_if.py": "def handler(event, context):\n" + (1...300).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 301) + "pass\n",
            "lambda/huge_string.py": "import logging\nlogger = logging.getLogger()\ndef handler(event, context):\n    return \"" + String(repeating: "a", count: 2_000_000) + "\"\n",
            "lambda/huge_int.py": "import logging\nlogger = logging.getLogger()\ndef handler(event, context):\n    return " + String(repeating: "9", count: 1_000_000) + "\n",
            "lambda/huge_list.py": "import logging\nlogger = logging.getLogger()\ndef handler(event, context):\n    return [" + Array(repeating: "1", count: 200_000).joined(separator: ",") + "]\n",
            "lambda/open_string.py": "def handler(event, context):\n    return \"abc\n",
            "lambda/open_triple.py": "def handler(event, context):\n    return \"\"\"abc\n",
            "lambda/open_paren.py": "def handler(event, context):\n    return (1,\n",
            "lambda/open_fstring.py": "def handler(event, context):\n    return f\"{event\n",
        ]
        for (path, text) in texts { files[path] = Self.bytes(text) }
        try repository.commit(files)
        let text = try repository.review()
        #expect(text.status == 0)
        let deep = "too many nested parentheses, brackets, expressions or blocks: The code nests more than 200 levels deep here, more than stackreview reads. Split it into smaller expressions or functions. The file's handler rules were not run."
        #expect(HostileRepository.notAnalysed(text.output) == [
            "lambda/binary.py:1: source code cannot contain null bytes: The file contains a NUL byte, which Python does not accept in source code. Remove it; the file may be binary or in another encoding. The file's handler rules were not run.",
            "lambda/deep_attr.py:2: " + deep,
            "lambda/deep_if.py:201: " + deep,
            "lambda/deep_list.py:2: " + deep,
            "lambda/deep_not.py:2: " + deep,
            "lambda/deep_paren.py:2: " + deep,
            "lambda/deep_sum.py:2: " + deep,
            "lambda/nul.py:2: source code cannot contain null bytes: The file contains a NUL byte, which Python does not accept in source code. Remove it; the file may be binary or in another encoding. The file's handler rules were not run.",
            "lambda/open_fstring.py:2: unterminated string literal: The string is not closed before the end of the line. Add the closing quote, or use a triple-quoted string for text that spans lines. The file's handler rules were not run.",
            "lambda/open_paren.py:2: '(' was never closed: The file ends before this bracket is closed. Add the matching closing bracket. The file's handler rules were not run.",
            "lambda/open_string.py:2: unterminated string literal: The string is not closed before the end of the line. Add the closing quote, or use a triple-quoted string for text that spans lines. The file's handler rules were not run.",
            "lambda/open_triple.py:2: unterminated triple-quoted string literal: This string starts with three quotes but the file ends before the closing three quotes. Add the closing quotes. The file's handler rules were not run.",
            "lambda/utf8.py:2: invalid UTF-8 in source: The file is not valid UTF-8 (byte 0xFF at offset 41). Save the file as UTF-8; names and strings around this byte may be read wrongly. The file's handler rules were not run.",
        ])
        // A BOM, CRLF and lone CR (a line end for Python) do not stop the rules, and the frame
        // shows the finding's own line.
        for name in ["bom", "crlf", "cr"] {
            #expect(text.output.contains("""
                  MEDIUM   lambda/\(name).py:4:5  `lambda/\(name).py::handler` logs the whole `event` at line 4: request bodies, headers and tokens end up in CloudWatch  [lambda-handler-event-logged]
                      4 |     print(event)
                        |     ^^^^^^^^^^^^
                """), "lambda/\(name).py")
        }
    }

    // MARK: Git

    @Test func oddPathsSymlinkLoopsAndSubmodulesAreReviewedOrSkippedVisibly() throws {
        let repository = try HostileRepository()
        let acl = "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n"
        try repository.commit(text: ["-rf/main.tf": acl, "new\nline/main.tf": acl])
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/loop_a", withDestinationPath: "loop_b")
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/loop_b", withDestinationPath: "loop_a")
        let sandbox = repository.sandbox
        _ = try sandbox.makeRepository("module")
        try sandbox.write(acl, to: "module/main.tf")
        try sandbox.commitAll("module", in: "module")
        try sandbox.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", sandbox.path("module"), "vendor/module"], in: repository.name)
        try sandbox.commitAll("symlink loop and submodule", in: repository.name)
        let text = try repository.review()
        #expect(text.status == 1)
        #expect(text.errors == "")
        #expect(text.output.contains("  CRITICAL -rf/main.tf:3:12  `aws_s3_bucket_acl.a` grants public access"))
        #expect(text.output.contains("  CRITICAL new\\nline/main.tf:3:12  `aws_s3_bucket_acl.a` grants public access"))
        // The submodule's Terraform lives in another repository: it is not read (nor fetched).
        #expect(!text.output.contains("vendor/module/main.tf:"))
        let changes = try repository.review("changes")
        #expect(changes.output.contains("  added  loop_a  other  (symlink)  added 1\n"))
        #expect(changes.output.contains("vendor/module"))
    }

    @Test func aCommitWithAnInvalidEncodingHeaderIsReviewed() throws {
        let repository = try HostileRepository()
        try repository.commit(text: ["infra/acl.tf": "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n"])
        let tree = try repository.sandbox.gitLine(["rev-parse", "HEAD^{tree}"], in: repository.name)
        let commit = "tree \(tree)\nparent \(repository.base.hex)\nauthor A <a@b.c> 1700000000 +0000\ncommitter A <a@b.c> 1700000000 +0000\nencoding no-such-encoding\n\n\u{FF}\u{FE} subject\n"
        let id = try repository.sandbox.git(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], in: repository.name, input: commit)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try repository.review("text", range: "\(repository.base.hex)..\(id)")
        #expect(result.status == 1)
        #expect(result.output.contains("CRITICAL infra/acl.tf:3:12"))
    }

    @Test func aShallowCloneSaysHowToDeepenAndAPartialCloneIsReviewed() throws {
        let repository = try HostileRepository()
        try repository.commit(text: ["infra/acl.tf": "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n"])
        let sandbox = repository.sandbox
        try sandbox.git(["clone", "-q", "--depth", "1", "file://" + repository.root, "shallow"], in: "")
        let shallow = try StackReviewBinary.run(["review", "HEAD~1..HEAD"], in: sandbox.path("shallow"))
        #expect(shallow.status == 3)
        #expect(shallow.errors.contains("git fetch --deepen"))
        try sandbox.git(["-C", repository.root, "config", "uploadpack.allowFilter", "true"], in: "")
        try sandbox.git(["clone", "-q", "--filter=blob:none", "--no-checkout", "file://" + repository.root, "partial"], in: "")
        let partial = try StackReviewBinary.run(["review", "HEAD~1..HEAD"], in: sandbox.path("partial"))
        // Blobs a partial clone has not fetched are never fetched (no network): a repository error that says what to do.
        #expect(partial.status == 3)
        #expect(partial.errors == "stackreview: error: The contents of 'infra/acl.tf' are not in this partial clone (it was cloned with --filter), and stackreview never fetches. Review in a clone made without --filter (in CI, give actions/checkout no `filter` input), or fetch the blobs of both revisions before reviewing.\n")
    }

    /// A change of 100,000 files, committed with `git fast-import` (about a minute in all with
    /// the debug build, so only with STACKREVIEW_SLOW_TESTS=1).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STACKREVIEW_SLOW_TESTS"] == "1"))
    func aHundredThousandFileChange() throws {
        let repository = try HostileRepository()
        var stream = "commit refs/heads/main\ncommitter A <a@b.c> 1700000000 +0000\ndata 4\nbig\nfrom \(repository.base.hex)\n"
        for index in 0..<100_000 { stream += "M 100644 inline docs/\(index / 1_000)/\(index).md\ndata 2\n\(index % 10)\n\n" }
        stream += "M 100644 inline infra/acl.tf\ndata <<EOF\nresource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\nEOF\n\n"
        try repository.sandbox.git(["fast-import", "--quiet"], in: repository.name, input: stream)
        let result = try repository.review("text")
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("stackreview: \(repository.base.hex)..HEAD = "))
        #expect(result.output.contains(" — 100001 files changed, 1 module loaded, "))
    }

    // MARK: Rule and configuration files

    @Test func brokenConfigurationIsAUsageErrorNamingTheFile() throws {
        let repository = try HostileRepository()
        let cases: [(String, String)] = [
            ("fail_on: [high\n", ".stackreview.yml:2:1: "),
            ("fail_on: high\nunknown_key: 1\n", ".stackreview.yml:2:1: "),
            ("coverage:\n  target: lots\n", ".stackreview.yml:2:11: "),
            ("rules: [a, b]\n", ".stackreview.yml:1:8: "),
        ]
        for (text, place) in cases {
            try repository.sandbox.write(text, to: "repo/ci.yml")
            let result = try repository.review("text", ["--config", "ci.yml"], range: "HEAD")
            #expect(result.status == 2, "\(text)")
            #expect(result.output == "")
            #expect(result.errors.contains(place.replacingOccurrences(of: ".stackreview.yml", with: "ci.yml")), "\(text): \(result.errors)")
        }
    }

    @Test func aRuleWhoseRegexWouldBacktrackCatastrophicallyFinishes() throws {
        let repository = try HostileRepository()
        let rule = """
            id: custom-no-evil-names
            title: Queue names are not a run of a's
            severity: high
            category: code-quality
            applies_to: [aws_sqs_queue]
            message: "`{address}` has an evil name"
            improvement: "Renamed `{address}`"
            remediation: Rename it.
            check: { attribute: name, operator: not_regex_match, value: "^(a+)+$" }
            examples:
              fail: |
                ⚑resource "aws_sqs_queue" "q" {
                  name = "aaaa"
                }
              pass: |
                resource "aws_sqs_queue" "q" {
                  name = "b"
                }

            """
        try repository.commit(text: [".stackreview/rules/evil.yml": rule])
        try repository.commit(text: ["infra/main.tf": "resource \"aws_sqs_queue\" \"q\" {\n  name = \"\(String(repeating: "a", count: 50_000))!\"\n}\n"])
        let started = Date()
        let result = try repository.review("text", range: "HEAD~1..HEAD")
        #expect(result.status == 0)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.errors == "")
    }

    @Test func brokenRuleFilesAreAUsageErrorNamingFileAndLine() throws {
        let repository = try HostileRepository()
        try repository.commit(text: [
            ".stackreview/rules/bad-yaml.yml": "id: [unclosed\n",
            ".stackreview/rules/bad-type.yml": "id: x\ntitle: t\nseverity: 7\n",
        ])
        try repository.commit(text: ["infra/main.tf": "resource \"aws_sqs_queue\" \"q\" {\n  name = \"r\"\n}\n"])
        let result = try repository.review("text", range: "HEAD~1..HEAD")
        #expect(result.status == 2)
        #expect(result.output == "")
        #expect(result.errors.contains(".stackreview/rules/bad-yaml.yml:"))
        #expect(result.errors.contains(".stackreview/rules/bad-type.yml:"))
    }
}
