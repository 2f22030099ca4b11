// libFuzzer entry point for a whole review: every input is cut into files at each 0x01 byte, a
// two-commit repository is written from them with libgit2 (in a fresh folder under /dev/shm when
// it exists), the second commit is reviewed against the first with the built-in rules and Key
// Metrics, and every output format is rendered. Each JSON format must stay valid JSON.
// Built by Fuzz/review/run.sh against the modules Fuzz/modules.sh builds.
import Foundation
import Git
import Reporting
import Review

/// The files each piece of the input becomes, in order: the base revision's first, then the head's.
let basePaths = ["infra/main.tf", "lambda/app.py", ".stackreview.yml"]
let headPaths = ["infra/main.tf", "lambda/app.py", "infra/extra.tf.json", "tests/test_app.py", "infra/terraform.tfvars"]

/// The review options, built once: the built-in rules and the default configuration.
let reviewOptions: ReviewOptions = {
    var options = ReviewOptions(ruleSet: RuleSet(rules: BuiltinRules.load().rules), today: "2026-01-01")
    options.collectMetrics = true
    return options
}()
let scratch = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
let author = CommitSignature(name: "Fuzz", email: "fuzz@stackreview.invalid", time: 1_767_225_600)
let jsonFormats: Set<OutputFormat> = [.json, .sarif, .rdjson, .codeclimate, .githubReview, .gitlab]

/// Writes the two commits, reviews them and renders every format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pieces = UnsafeBufferPointer(start: data, count: size).split(separator: 1, omittingEmptySubsequences: false).map(Array.init)
    var base: [String: FileChange] = [:], head: [String: FileChange] = [:]
    for (index, piece) in pieces.enumerated() {
        if index < basePaths.count { base[basePaths[index]] = .file(piece) }
        else if index - basePaths.count < headPaths.count { head[headPaths[index - basePaths.count]] = .file(piece) }
    }
    let folder = "\(scratch)/stackreview-fuzz-review-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
        let writer = try RepositoryWriter.create(at: folder)
        let first = try writer.commit(base, on: "main", message: "base", author: author)
        let second = try writer.commit(head, on: "main", message: "head", author: author)
        let repository = writer.repository
        let range = try repository.resolve(.expression("\(first.hex)..\(second.hex)"))
        let changeSet = try repository.changeSet(range)
        let result = try ReviewEngine(repository: repository, options: reviewOptions).review(range, changeSet: changeSet)
        let context = ReportContext(toolVersion: "fuzz", rules: reviewOptions.ruleSet.rules, headFiles: result.headFiles)
        for format in OutputFormat.allCases {
            guard let text = format.reporter?.render(result, context: context) else { continue }
            if jsonFormats.contains(format), (try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil {
                fatalError("--format \(format.rawValue) wrote invalid JSON:\n\(text)")
            }
        }
    } catch {
        // A repository the writer refuses (an empty commit, say) is not a finding of the fuzzer.
    }
    return 0
}
