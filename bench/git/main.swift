// Benchmark: the ChangeSet of a 50-file change in a 5,000-file repository.
// Each changed file has lines 11 and 26...27 edited (line 1 is a header). Built by bench/git/run.sh together with Sources/Git into one optimised executable.
import Foundation

let fileCount = 5_000
let changedCount = 50
let iterations = 30

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}

func source(folder: Int, file: Int, edited: Bool) -> [UInt8] {
    var text = "# module \(folder), file \(file)\n"
    for line in 1...40 {
        if edited && (line == 10 || line == 25 || line == 26) {
            text += "value_\(line) = \"edited\"\n"
        } else {
            text += "value_\(line) = \(folder * 1_000 + file * 40 + line)\n"
        }
    }
    return Array(text.utf8)
}

let root = FileManager.default.temporaryDirectory.path + "/stackreview-bench-" + UUID().uuidString.lowercased()
defer { try? FileManager.default.removeItem(atPath: root) }
let author = CommitSignature(name: "Bench", email: "bench@example.com", time: 1_700_000_000)

do {
    let writer = try RepositoryWriter.create(at: root)
    var files: [String: FileChange] = [:]
    for index in 0..<fileCount {
        let folder = index / 50
        files["modules/m\(folder)/file\(index % 50).tf"] = .file(source(folder: folder, file: index % 50, edited: false))
    }
    let base = try writer.commit(files, on: "bench", message: "base\n", author: author)
    var changes: [String: FileChange] = [:]
    for index in 0..<changedCount {
        let folder = index * (fileCount / 50 / changedCount)
        changes["modules/m\(folder)/file\(index % 50).tf"] = .file(source(folder: folder, file: index % 50, edited: true))
    }
    let head = try writer.commit(changes, on: "bench", message: "change\n", author: author)

    let repository = try Repository.discover(from: root)
    let clock = ContinuousClock()
    var timings: [Double] = []
    var changedFiles = 0
    for _ in 0..<iterations {
        let start = clock.now
        let resolved = try repository.resolve(.expression("\(base.hex)..\(head.hex)"))
        let changeSet = try repository.changeSet(resolved)
        timings.append(milliseconds(clock.now - start))
        changedFiles = changeSet.files.count
        if let odd = changeSet.files.first(where: { $0.addedLines != [LineRange(11...11), LineRange(26...27)] }) {
            print("unexpected line ranges: \(odd)")
            exit(1)
        }
    }
    let sorted = timings.sorted()
    print("files in repository: \(fileCount), changed files: \(changedFiles)")
    print(String(format: "resolve + changeSet: first %.2f ms, median %.2f ms, max %.2f ms over %d runs",
                 timings[0], sorted[sorted.count / 2], sorted[sorted.count - 1], iterations))
    func measureFreshHandle(_ label: String) throws {
        let start = clock.now
        let fresh = try Repository.discover(from: root)
        _ = try fresh.changeSet(try fresh.resolve(.expression("\(base.hex)..\(head.hex)")))
        print(String(format: "open + resolve + changeSet, fresh repository handle, %@: %.2f ms", label, milliseconds(clock.now - start)))
    }
    try measureFreshHandle("loose objects")
    // Real repositories keep their objects in packs; pack them with git when it is installed.
    let gc = Process()
    gc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gc.arguments = ["git", "-C", root, "gc", "-q"]
    if (try? gc.run()) != nil {
        gc.waitUntilExit()
        if gc.terminationStatus == 0 { try measureFreshHandle("packed objects") }
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
