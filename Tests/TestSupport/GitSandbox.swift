import Foundation
import Git

/// A temporary folder in which tests build real repositories with the git command line.
///
/// Git runs with no system configuration, `HOME` inside the folder, fixed identities and fixed,
/// increasing dates, so commit ids are the same on every run. The folder is removed on deinit.
public final class GitSandbox {
    public let root: String
    private var clock: Int = 1_700_000_000

    public init() throws {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/stackreview-git-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try write("""
            [user]
            \tname = Test Author
            \temail = author@example.com
            [init]
            \tdefaultBranch = main
            [core]
            \tautocrlf = false
            [advice]
            \tdetachedHead = false
            [protocol "file"]
            \tallow = always
            """, to: ".gitconfig")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The absolute path of `relative` inside the sandbox.
    public func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// Runs git in `directory` (relative to the sandbox) and returns its standard output.
    @discardableResult
    public func git(_ arguments: [String], in directory: String, input: String? = nil) throws -> String {
        let (status, output, errors) = try run(arguments, in: directory, input: input)
        guard status == 0 else {
            throw SandboxFailure("git \(arguments.joined(separator: " ")) failed (\(status)): \(errors)")
        }
        return output
    }

    /// Runs git where it is expected to fail (for example a push that a hook rejects); returns its standard error.
    @discardableResult
    public func gitExpectingFailure(_ arguments: [String], in directory: String) throws -> String {
        let (status, _, errors) = try run(arguments, in: directory, input: nil)
        guard status != 0 else { throw SandboxFailure("git \(arguments.joined(separator: " ")) unexpectedly succeeded") }
        return errors
    }

    private func run(_ arguments: [String], in directory: String, input: String?) throws -> (Int32, String, String) {
        clock += 60
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path(directory))
        let date = "\(clock) +0000"
        // A hook this git runs may start a sanitized stackreview: it gets the run's sanitizer options.
        process.environment = SanitizerOptions.inherited(into: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
            "LANG": "C.UTF-8",
        ])
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Runs git and returns its output without the trailing newline.
    public func gitLine(_ arguments: [String], in directory: String) throws -> String {
        try git(arguments, in: directory).trimmingCharacters(in: .newlines)
    }

    /// Creates a non-bare repository on branch `main` in a new folder.
    public func makeRepository(_ name: String = "repo") throws -> String {
        try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        try git(["init", "-q"], in: name)
        return name
    }

    /// Writes a text file, creating folders as needed.
    public func write(_ text: String, to relative: String) throws {
        try write(Array(text.utf8), to: relative)
    }

    /// Writes bytes to a file, creating folders as needed.
    public func write(_ bytes: [UInt8], to relative: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    /// Stages everything in `repository` and commits it; returns the new commit id.
    @discardableResult
    public func commitAll(_ message: String, in repository: String) throws -> ObjectID {
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", message], in: repository)
        return try revParse("HEAD", in: repository)
    }

    /// The object id git gives `revision`.
    public func revParse(_ revision: String, in repository: String) throws -> ObjectID {
        let text = try gitLine(["rev-parse", revision], in: repository)
        guard let id = ObjectID(hex: text) else { throw SandboxFailure("not an object id: \(text)") }
        return id
    }

    /// Lines `first...last` of a numbered text, each line `line N`, joined with `\n` plus a final newline.
    public static func numberedLines(_ count: Int, prefix: String = "line") -> String {
        (1...count).map { "\(prefix) \($0)\n" }.joined()
    }
}

/// A sandbox command that did not do what the test needed.
public struct SandboxFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
