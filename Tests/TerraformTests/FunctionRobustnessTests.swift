import HCL
import Testing
@testable import Terraform

/// Calls every function with awkward arguments: each call must give a known value, an unknown
/// value with a reason, or a diagnostic — and never trap.
@Suite struct FunctionRobustnessTests {
    static let functions = [
        "length", "concat", "merge", "lookup", "element", "keys", "values", "contains", "coalesce", "coalescelist",
        "compact", "distinct", "flatten", "zipmap", "slice", "one", "reverse", "sort", "index", "chunklist",
        "setunion", "setintersection", "setsubtract", "transpose", "range", "alltrue", "anytrue", "sum", "min", "max",
        "abs", "ceil", "floor", "signum", "pow", "parseint", "format", "formatlist", "join", "split", "replace",
        "lower", "upper", "title", "trim", "trimspace", "trimprefix", "trimsuffix", "chomp", "strrev", "indent",
        "substr", "startswith", "endswith", "strcontains", "regex", "regexall", "tostring", "tonumber", "tobool",
        "tolist", "toset", "tomap", "jsonencode", "jsondecode", "yamldecode", "base64encode", "base64decode",
        "urlencode", "cidrsubnet", "cidrhost", "cidrnetmask", "basename", "dirname", "file", "fileexists",
        "filebase64", "templatefile", "try", "can", "sensitive", "nonsensitive",
    ]
    static let arguments = [
        "null", "0", "-1", "1.5", "1e300", "-1e300", "99999999999999999999", "\"\"", "\"x\"", "\"%\"", "\"%x\"",
        "\"/(/\"", "\"10.0.0.0/8\"", "\"a: [\"", "\"{\"", "[]", "[1, \"a\"]", "[[1], [2, [3]]]", "{}",
        "{a = [1], b = \"c\"}", "true", "aws_s3_bucket.b.id", "[aws_s3_bucket.b.id]", "\"../../x\"",
    ]

    @Test(arguments: functions)
    func awkwardArgumentsNeverTrap(function: String) {
        var outcomes = 0
        for arity in 0...3 {
            for index in 0..<Self.arguments.count {
                let arguments = (0..<arity).map { Self.arguments[(index + $0 * 7) % Self.arguments.count] }
                let result = evaluate("\(function)(\(arguments.joined(separator: ", ")))")
                let explained = result.value.isWhollyKnown || !result.value.unknownReferences.isEmpty || !result.diagnostics.isEmpty
                #expect(explained, "\(function)(\(arguments.joined(separator: ", "))) gave \(result.value) without a reason")
                outcomes += 1
            }
        }
        #expect(outcomes == 4 * Self.arguments.count)
    }
}
