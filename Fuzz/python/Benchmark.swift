import Foundation

/// Parses the handler corpus repeatedly and prints lines per second (release build).
@main
struct Benchmark {
    static func main() throws {
        let directory = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Fuzz/python/corpus"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".py") }.sorted()
        var sources: [[UInt8]] = []
        for name in names {
            sources.append(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
        }
        let lineCount = sources.reduce(0) { $0 + $1.filter { $0 == 0x0A }.count }
        let byteCount = sources.reduce(0) { $0 + $1.count }
        let rounds = 300
        var nodes = 0
        let start = Date()
        for _ in 0..<rounds {
            for source in sources {
                let file = SourceFile(bytes: source)
                file.forEachNode { _ in nodes += 1 }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let linesPerSecond = Double(lineCount * rounds) / seconds
        let megabytesPerSecond = Double(byteCount * rounds) / seconds / 1_000_000
        print(String(format: "%d files, %d lines, %d rounds in %.2f s: %.0f lines/s, %.1f MB/s (%d nodes walked)",
                     sources.count, lineCount, rounds, seconds, linesPerSecond, megabytesPerSecond, nodes))
    }
}
