import Foundation
import Git

/// A real repository (git CLI) whose history fixes, introduces and re-breaks findings, for the
/// changelog walk's tests.
///
/// Commits on `main`, first parent first:
/// 0. `Initial stack`: a bucket ACL that is public, a function without tracing, a queue, and the
///    module's versions, variables and outputs files.
/// 1. `Enable tracing` fixes aws-lambda-tracing.
/// 2. `Close the reports bucket` fixes aws-s3-bucket-public-acl.
/// 3. `Merge branch 'encrypt'`: the branch's one commit encrypts the queue (fixed by the merge).
/// 4. `Add the audit bucket`: a public ACL introduced and still open at the end.
/// 5. `Open the logs bucket` introduces a public ACL, and 6. `Close the logs bucket` fixes it
///    again (introduced and fixed within the range).
/// 7. `Disable tracing again` re-breaks the tracing fixed in 1.
/// 8. `Delete the legacy function`: its findings go away with it (not improvements).
/// 9. `Update the docs` changes no Terraform.
public struct ChangelogRepository {
    public let sandbox: GitSandbox
    public let name: String
    /// The commits above, in order.
    public let commits: [ObjectID]

    /// The repository's folder.
    public var path: String { sandbox.path(name) }

    /// The module's `terraform` block: a Terraform and a provider version, so rules about the
    /// module as a whole have nothing to say when a commit adds a file.
    public static let versions = """
        terraform {
          required_version = ">= 1.5.0"
          required_providers {
            aws = {
              source  = "hashicorp/aws"
              version = "~> 5.0"
            }
          }
        }

        """
    public static let queue = "resource \"aws_sqs_queue\" \"jobs\" {\n  name = \"jobs\"\n}\n"
    public static let encryptedQueue = "resource \"aws_sqs_queue\" \"jobs\" {\n  name                    = \"jobs\"\n  sqs_managed_sse_enabled = true\n}\n"
    public static func acl(_ name: String, _ acl: String) -> String {
        "resource \"aws_s3_bucket_acl\" \"\(name)\" {\n  bucket = \"\(name)\"\n  acl    = \"\(acl)\"\n}\n"
    }
    public static func function(_ name: String, tracing: Bool) -> String {
        "resource \"aws_lambda_function\" \"\(name)\" {\n  function_name = \"\(name)\"\n  role          = \"arn:aws:iam::123456789012:role/\(name)\"\n  handler       = \"app.handler\"\n  runtime       = \"python3.12\"\n"
            + (tracing ? "  tracing_config {\n    mode = \"Active\"\n  }\n" : "") + "}\n"
    }

    /// Builds the repository in a new sandbox; `closeSubject` is the subject of commit 2.
    public init(firstSubject: String = "Initial stack", closeSubject: String = "Close the reports bucket") throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        var ids: [ObjectID] = []
        func commit(_ files: [String: String?], _ message: String) throws {
            for (path, text) in files {
                if let text { try sandbox.write(text, to: name + "/" + path) } else { try FileManager.default.removeItem(atPath: sandbox.path(name + "/" + path)) }
            }
            ids.append(try sandbox.commitAll(message, in: name))
        }
        try commit([
            "infra/storage.tf": Self.acl("reports", "public-read"), "infra/main.tf": Self.function("orders", tracing: false),
            "infra/queue.tf": Self.queue, "infra/legacy.tf": Self.function("legacy", tracing: false), "README.md": "# shop\n",
            "infra/versions.tf": Self.versions, "infra/variables.tf": "# Inputs of the stack.\n", "infra/outputs.tf": "# Outputs of the stack.\n",
        ], firstSubject)
        try commit(["infra/main.tf": Self.function("orders", tracing: true)], "Enable tracing")
        try commit(["infra/storage.tf": Self.acl("reports", "private")], closeSubject)
        try sandbox.git(["checkout", "-q", "-b", "encrypt"], in: name)
        try commit(["infra/queue.tf": Self.encryptedQueue], "Encrypt the jobs queue")
        try sandbox.git(["checkout", "-q", "main"], in: name)
        try sandbox.git(["merge", "-q", "--no-ff", "-m", "Merge branch 'encrypt'", "encrypt"], in: name)
        ids.append(try sandbox.revParse("HEAD", in: name))
        ids.remove(at: 3)  // the branch's own commit is not on the first-parent line
        try commit(["infra/audit.tf": Self.acl("audit", "public-read")], "Add the audit bucket")
        try commit(["infra/logs.tf": Self.acl("logs", "public-read-write")], "Open the logs bucket")
        try commit(["infra/logs.tf": Self.acl("logs", "private")], "Close the logs bucket")
        try commit(["infra/main.tf": Self.function("orders", tracing: false)], "Disable tracing again")
        try commit(["infra/legacy.tf": nil], "Delete the legacy function")
        try commit(["README.md": "# shop\n\nThe orders stack.\n"], "Update the docs")
        self.sandbox = sandbox
        self.name = name
        commits = ids
    }
}
