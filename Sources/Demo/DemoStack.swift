/// The small AWS serverless stack that `stackreview demo` commits and reviews.
///
/// Three commits tell the story a reviewer would tell by hand: a flawed first version of an
/// orders API (Lambda behind API Gateway, IAM, DynamoDB, logs), a commit that hardens it, and a
/// later commit that regresses part of the hardening while adding a reports bucket. The files
/// are kept here as literals so the demo needs nothing but the binary.
public enum DemoStack {
    /// One commit of the demo history: a message and the files it writes or deletes.
    public struct Commit: Sendable {
        /// The commit message (its first line is the subject).
        public let message: String
        /// Files written by the commit, by repository path; `nil` deletes the file.
        public let files: [(path: String, content: String?)]
    }

    /// The three commits, oldest first.
    public static let commits: [Commit] = [flawed, hardened, regressed]

    static let flawed = Commit(
        message: "Add the orders API: Lambda behind API Gateway\n",
        files: [
            ("README.md", "# Orders service\n\nA Lambda function behind API Gateway that stores orders in DynamoDB.\n"),
            ("infra/providers.tf", flawedProviders),
            ("infra/variables.tf", flawedVariables),
            ("infra/main.tf", flawedMain),
            ("lambda/handler.py", flawedHandler),
            ("tests/test_handler.py", flawedTests),
        ]
    )

    static let hardened = Commit(
        message: "Harden the orders API: least privilege, KMS, tracing, logging\n",
        files: [
            ("infra/providers.tf", hardenedProviders),
            ("infra/variables.tf", hardenedVariables),
            ("infra/main.tf", hardenedMain),
            ("infra/outputs.tf", hardenedOutputs),
            ("lambda/handler.py", hardenedHandler),
            ("tests/test_handler.py", hardenedTests),
            ("tests/integration/test_api.py", hardenedIntegrationTests),
        ]
    )

    static let regressed = Commit(
        message: "Let the orders function write reports to S3\n",
        files: [
            ("infra/main.tf", regressedMain),
            ("infra/reports.tf", regressedReports),
            ("lambda/handler.py", regressedHandler),
        ]
    )
}
