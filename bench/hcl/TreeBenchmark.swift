// Benchmark for parsing a tree of Terraform files on both cores: writes 10,000 generated `.tf`
// files (1,000 module folders of 10) under bench/out once, then reads and parses every file with
// `ParallelMap` and again on one core, and reports files/s, MiB/s, wall against CPU time and peak
// memory. Built by bench/hcl/run.sh together with Sources/HCL/*.swift into one module, linked with Threading.

#if canImport(Glibc)
import Glibc
#endif
internal import Threading

/// Parses a generated tree of `.tf` files on every core and on one.
enum TreeBenchmark {
    /// Files per module folder.
    static let filesPerFolder = 10

    /// The paths of the tree's files under `root`, writing the tree first when it is missing.
    static func makeTree(root: String, fileCount: Int) -> [String] {
        let marker = "\(root)/complete"
        let exists = access(marker, F_OK) == 0
        if !exists {
            mkdir(root, 0o755)
        }
        var paths: [String] = []
        paths.reserveCapacity(fileCount)
        for index in 0..<fileCount {
            let folder = "\(root)/module_\(index / filesPerFolder)"
            let path = "\(folder)/file_\(index % filesPerFolder).tf"
            paths.append(path)
            if exists { continue }
            if index % filesPerFolder == 0 { mkdir(folder, 0o755) }
            // Two resources per file (about 2.7 KB), numbered so that no two files are alike.
            let bytes = HCLBenchmark.makeSource(targetBytes: 2_000, firstIndex: index * 2)
            guard let file = fopen(path, "w") else { fatalError("cannot write \(path)") }
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
        if !exists, let file = fopen(marker, "w") { fclose(file) }
        return paths
    }

    /// The bytes of the file at `path`, read with one call.
    static func read(_ path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { fatalError("cannot read \(path)") }
        defer { close(descriptor) }
        var status = stat()
        fstat(descriptor, &status)
        let size = Int(status.st_size)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = max(0, Glibc.read(descriptor, buffer.baseAddress, size))
        }
    }

    /// What one parse of the tree kept: the number of files with diagnostics and of bytes read.
    struct Outcome {
        var results: [ParseResult]
        var bytes: Int { results.reduce(0) { $0 + $1.source.count } }
        var filesWithDiagnostics: Int { results.filter { !$0.diagnostics.isEmpty }.count }
    }

    /// Wall-clock seconds.
    static func wallClock() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// CPU seconds of the whole process (every thread, user and system).
    static func processCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func run(fileCount: Int, root: String) {
        let paths = makeTree(root: root, fileCount: fileCount)
        let before = HCLBenchmark.peakResidentBytes()
        let parseFile: @Sendable (String) -> ParseResult = { path in parse(read(path), fileName: path) }

        // Every core, three times; the first keeps its trees alive for the memory figure.
        var bestWall = Double.infinity
        var cpuOfBest = 0.0
        var size = 0
        var peak = 0
        for attempt in 0..<3 {
            let wallStart = wallClock()
            let cpuStart = processCPU()
            let outcome = Outcome(results: ParallelMap.map(paths, parseFile))
            let wall = wallClock() - wallStart
            let cpu = processCPU() - cpuStart
            if attempt == 0 {
                peak = HCLBenchmark.peakResidentBytes()
                size = outcome.bytes
                precondition(outcome.results.count == fileCount && outcome.filesWithDiagnostics == 0, "the generated tree should parse cleanly")
            }
            if wall < bestWall {
                bestWall = wall
                cpuOfBest = cpu
            }
        }

        // One core, for the speed-up.
        var oneCoreWall = Double.infinity
        for _ in 0..<2 {
            let wallStart = wallClock()
            let outcome = Outcome(results: paths.map(parseFile))
            oneCoreWall = min(oneCoreWall, wallClock() - wallStart)
            precondition(outcome.results.count == fileCount)
        }

        let mebibytes = Double(size) / 1_048_576
        let f = HCLBenchmark.format2
        print("tree: \(fileCount) .tf files in \(fileCount / filesPerFolder) folders, \(f(mebibytes)) MiB, under \(root)")
        print("both cores (ParallelMap, read + lex + parse, best of 3): wall \(f(bestWall * 1000)) ms, CPU \(f(cpuOfBest * 1000)) ms (\(f(cpuOfBest / bestWall)) cores busy)")
        print("  = \(Int((Double(fileCount) / bestWall).rounded())) files/s, \(f(mebibytes / bestWall)) MiB/s")
        print("one core (best of 2): wall \(f(oneCoreWall * 1000)) ms = \(Int((Double(fileCount) / oneCoreWall).rounded())) files/s; speed-up on both cores \(f(oneCoreWall / bestWall))x")
        print("peak RSS growth with every tree and its source alive: \(f(Double(peak - before) / 1_048_576)) MiB (\(f(Double(peak - before) / Double(size)))x the source, whose bytes the results keep)")
    }
}
