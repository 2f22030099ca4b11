// Benchmark for the HCL native parser: generates a large, realistic Terraform file (resource
// blocks with attributes, nested blocks, templates, heredocs, for expressions and function
// calls), then reports lex+parse throughput on one core and peak memory against source size.
// `tree [FILES]` runs TreeBenchmark instead. Built by bench/hcl/run.sh together with
// Sources/HCL/*.swift into one module.

#if canImport(Glibc)
import Glibc
#endif

/// Generates the benchmark input and measures parsing it.
@main
struct HCLBenchmark {
    /// Builds about `targetBytes` of Terraform text, numbering its resources from `firstIndex`.
    static func makeSource(targetBytes: Int, firstIndex: Int = 0) -> [UInt8] {
        var text = ""
        text.reserveCapacity(targetBytes + 4096)
        var i = firstIndex
        while text.utf8.count < targetBytes {
            text += """
            # Function \(i): handles the orders API.
            resource "aws_lambda_function" "fn_\(i)" {
              function_name = "${var.prefix}-orders-\(i)"
              role          = aws_iam_role.lambda[\(i % 7)].arn
              handler       = "handler.lambda_handler"
              runtime       = "python3.12"
              memory_size   = var.memory_size * 2
              timeout       = 30
              filename      = data.archive_file.fn_\(i).output_path
              source_code_hash = filebase64sha256("${path.module}/build/fn_\(i).zip")
              tracing_config { mode = "Active" }

              environment {
                variables = {
                  TABLE_NAME = aws_dynamodb_table.orders.name
                  QUEUE_URL  = aws_sqs_queue.q[\(i % 3)].url
                  LOG_LEVEL  = var.debug ? "DEBUG" : "INFO"
                  SUBNETS    = join(",", [for s in aws_subnet.private : s.id if s.tags["tier"] == "app"])
                }
              }

              tags = merge(local.common_tags, { Name = "orders-\(i)", Index = "\(i)" })
            }

            resource "aws_iam_role_policy" "fn_\(i)" {
              name   = "fn-\(i)-policy"
              role   = aws_iam_role.lambda[\(i % 7)].id
              policy = <<-EOT
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                      "Resource": "${aws_dynamodb_table.orders.arn}"
                    }%{ if var.with_queue },
                    { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "${aws_sqs_queue.q[\(i % 3)].arn}" }%{ endif }
                  ]
                }
              EOT
            }


            """
            i += 1
        }
        return Array(text.utf8)
    }

    /// The process's peak resident set size in bytes (VmHWM), or 0 where /proc is missing.
    static func peakResidentBytes() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, 256, file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                let digits = text.filter(\.isNumber)
                return (Int(digits) ?? 0) * 1024
            }
        }
        return 0
    }

    /// CPU time of this thread in seconds: the machine is shared, so wall time would measure the neighbours.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func main() {
        if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "tree" {
            let files = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 10_000 : 10_000
            TreeBenchmark.run(fileCount: files, root: CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : "tree-\(files)")
            return
        }
        let megabytes = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 32 : 32
        let source = makeSource(targetBytes: megabytes << 20)
        let before = peakResidentBytes()
        // One parse to measure memory: the tree stays alive while VmHWM is read.
        var start = now()
        let result = parse(source, fileName: "bench.tf")
        var elapsed = now() - start
        let peak = peakResidentBytes()
        let blocks = result.body.blocks.count
        precondition(result.diagnostics.isEmpty, "benchmark input should parse cleanly: \(result.diagnostics.prefix(3))")
        var best = elapsed
        for _ in 0..<3 {
            start = now()
            let again = parse(source, fileName: "bench.tf")
            elapsed = now() - start
            precondition(again.body.blocks.count == blocks)
            best = min(best, elapsed)
        }
        let size = Double(source.count)
        print("source: \(format2(size / 1_048_576)) MiB, \(blocks) top-level blocks")
        print("lex+parse: best of 4 runs (thread CPU time) \(format2(best * 1000)) ms = \(format2(size / 1_048_576 / best)) MiB/s (one core)")
        print("peak RSS before parsing (source generated): \(format2(Double(before) / 1_048_576)) MiB")
        print("peak RSS with the tree alive: \(format2(Double(peak) / 1_048_576)) MiB")
        print("parse memory (peak growth) / source size: \(format2(Double(peak - before) / size))x")
    }

    static func format2(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}
