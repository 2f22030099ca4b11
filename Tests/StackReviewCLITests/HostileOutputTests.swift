import Foundation
import Git
import TestSupport
import Testing

/// What a hostile repository must never get into a review: a secret's value (any format, code
/// frames and suggestions included), Markdown or HTML that renders as anything but text, or a
/// file written outside `--output`.
@Suite struct HostileOutputTests {
    /// Secrets planted in Terraform and Python, each a distinct value to look for.
    static let secrets = [
        "Sup3rS3cretValue-TF-VAR-1", "Sup3rS3cretValue-TF-ENV-2", "AKIAIOSFODNN7EXAMPLE", "Sup3rS3cretValue-PY-4",
        "AKIAIOSFODNN7EXAMPL2", "Sup3rS3cretValue-PY-5", "AKIAI44QH8DHBEXAMPLE", "ghp_0123456789abcdefghijABCDEFGHIJ012345",
    ]

    @Test func noSecretValueReachesAnyFormat() throws {
        let repository = try HostileRepository()
        try repository.commit(text: [
            "infra/main.tf": """
                variable "db_password" {
                  default = "Sup3rS3cretValue-TF-VAR-1"
                }
                resource "aws_lambda_function" "f" {
                  function_name = "f"
                  handler       = "app.handler"
                  runtime       = "python3.12"
                  role          = "arn:aws:iam::123456789012:role/r"
                  filename      = "app.zip"
                  environment { variables = { API_TOKEN = "Sup3rS3cretValue-TF-ENV-2", AWS_KEY = "AKIAIOSFODNN7EXAMPLE" } }
                }
                resource "aws_s3_bucket_acl" "leaky" { acl = "AKIAI44QH8DHBEXAMPLE" }
                resource "aws_sqs_queue" "q" { name = "ghp_0123456789abcdefghijABCDEFGHIJ012345" }

                """,
            "lambda/app.py": """
                import os
                API_SECRET = "Sup3rS3cretValue-PY-4"
                aws_key = "AKIAIOSFODNN7EXAMPL2"
                def handler(event, context):
                    password = "Sup3rS3cretValue-PY-5"
                    print(password)
                    return {"statusCode": 200, "body": API_SECRET}

                """,
        ])
        let results = try repository.reviewEveryFormat()
        for (format, result) in results.sorted(by: { $0.key < $1.key }) {
            #expect(result.status == 1, "--format \(format)")
            for secret in Self.secrets {
                #expect(!result.output.contains(secret) && !result.errors.contains(secret), "--format \(format) shows \(secret)")
            }
        }
        // The findings are there, described instead of shown; frames on a line holding a
        // credential are redacted even for a rule that is not about secrets.
        let text = try #require(results["text"]).output
        #expect(text.contains("`aws_lambda_function.f` hard-codes an AWS access key id in the environment variable `AWS_KEY`"))
        #expect(text.contains("      13 | resource \"aws_sqs_queue\" \"q\" { name = \"********\" (40 characters) }\n"))
    }

    @Test func craftedPathsSubjectsAndValuesRenderAsPlainTextOnGitHub() throws {
        let repository = try HostileRepository()
        let attack = "@victim [click](https://attacker.example/a) ![p](https://attacker.example/p.png) <!-- x --> </details> <img src=x onerror=alert(1)> ```"
        let folder = "infra/" + attack.replacingOccurrences(of: "/", with: "∕")
        let acl = "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n"
        try repository.commit(text: [
            folder + "/main.tf": acl,
            "lambda/" + attack.replacingOccurrences(of: "/", with: "∕") + ".py": "def handler(event, context):\n    print(event)\n",
            "broken/main.tf": "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \"</details> @victim\n}\n",
        ], message: attack + "\n\nbody " + attack)
        for format in ["markdown", "github-review", "gitlab"] {
            let result = try repository.review(format, ["--link-base", "https://github.com/acme/shop"])
            #expect(result.status == 1, "--format \(format)")
            var bodies: [String] = []
            if format == "markdown" {
                bodies = [result.output]
            } else {
                let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
                if let object = json as? [String: Any] {
                    bodies = [object["body"] as? String ?? ""] + (object["comments"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
                } else if let array = json as? [[String: Any]] {
                    bodies = array.compactMap { $0["body"] as? String }
                }
            }
            #expect(!bodies.isEmpty)
            for body in bodies {
                let html = try GitHubMarkdown.html(body)
                let outside = GitHubMarkdown.outsideCode(html)
                #expect(!html.contains("<img"), "\(format)")
                #expect(!html.contains("<!--"), "\(format)")
                #expect(!html.contains("href=\"https://attacker"), "\(format)")
                #expect(!outside.contains("@victim"), "\(format)")
                #expect(!html.contains("</details>") || html.components(separatedBy: "</details>").count == html.components(separatedBy: "<details>").count, "\(format)")
                let links = html.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                for link in links { #expect(link.hasPrefix("https://github.com/acme/shop/"), "\(format): \(link)") }
            }
        }
    }

    @Test func nothingIsWrittenOutsideTheOutputFile() throws {
        let repository = try HostileRepository()
        try repository.commit(text: [
            "infra/acl.tf": "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n",
            "broken/main.tf": "resource {\n",
        ])
        let before = try Self.listing(repository.sandbox.root)
        let result = try repository.review("sarif", ["-o", repository.sandbox.path("review.sarif")])
        #expect(result.status == 1)
        #expect(result.output == "")
        let after = try Self.listing(repository.sandbox.root)
        #expect(after.subtracting(before) == ["review.sarif"])
        #expect(try repository.sandbox.git(["status", "--porcelain", "--ignored"], in: repository.name) == "")
    }

    /// Every path under `root`, relative to it.
    static func listing(_ root: String) throws -> Set<String> {
        Set(try FileManager.default.subpathsOfDirectory(atPath: root))
    }
}
