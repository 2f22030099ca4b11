import HCL
import Terraform

/// Compares the environment variables a Python function's code reads (`os.environ["X"]`,
/// `os.environ.get("X")`, `os.getenv("X")` with literal names) with those its
/// `environment.variables` sets. Registered twice:
/// - `handler-environment-missing`: a variable read without a default that is not set (the
///   read raises `KeyError` or yields `None`); variables Lambda itself sets (`AWS_REGION`,
///   `AWS_LAMBDA_FUNCTION_NAME`, …) are not expected in Terraform;
/// - `handler-environment-unused`: a variable set that no file of the package reads (silent
///   when the code reads the environment by computed names or passes it on whole, and for
///   variables libraries read themselves: `POWERTOOLS_*`, `LOG_LEVEL`, `AWS_*`).
///
/// Silent when `environment.variables` is not known before apply, or the code does not parse.
struct HandlerEnvironmentCheck: CodedCheck {
    enum Direction: Sendable { case missing, unused }

    let name: String
    let direction: Direction

    static let missing = HandlerEnvironmentCheck(name: "handler-environment-missing", direction: .missing)
    static let unused = HandlerEnvironmentCheck(name: "handler-environment-unused", direction: .unused)

    /// Variables the Lambda runtime sets.
    static let runtimeVariables: Set<String> = [
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID", "TZ", "LANG", "PATH", "LD_LIBRARY_PATH", "PYTHONPATH", "HOME",
    ]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard let code = HandlerPackageCode(subject, in: context), code.allParsed, !code.files.isEmpty else { return [] }
        let match = subject.body.value(at: "environment.variables")
        var set: Set<String> = []
        if let match {
            guard case .object(let members) = match.value else { return [] }
            if members.values.contains(where: \.isUnknown) && direction == .unused { return [] }
            set = Set(members.keys)
        }
        let reads = code.files.flatMap(\.environmentReads)
        switch direction {
        case .missing:
            var verdicts: [CodedVerdict] = []
            var reported: Set<String> = []
            let range = match?.range ?? subject.body.value(at: "environment")?.range ?? subject.headerRange
            for read in reads where !read.hasDefault && !set.contains(read.name) && !Self.runtimeVariables.contains(read.name) {
                guard reported.insert(read.name).inserted else { continue }
                verdicts.append(CodedVerdict(
                    .fail(FailureLocation(range: range, attributePath: "environment.variables." + read.name)),
                    arguments: ["variable": read.name, "handler": code.reference.path, "line": String(read.line)]))
            }
            return verdicts
        case .unused:
            guard !code.files.contains(where: \.readsEnvironmentDynamically) else { return [] }
            let read = Set(reads.map(\.name))
            return set.sorted().filter { key in
                !read.contains(key) && !key.hasPrefix("POWERTOOLS_") && !key.hasPrefix("AWS_") && key != "LOG_LEVEL"
            }.map { key in
                // The variable's own range, looked up only for the variables reported.
                let range = subject.body.value(at: "environment.variables." + key)?.range ?? match?.range ?? subject.headerRange
                return CodedVerdict(
                    .fail(FailureLocation(range: range, attributePath: "environment.variables." + key)),
                    arguments: ["variable": key, "handler": code.reference.path])
            }
        }
    }
}
