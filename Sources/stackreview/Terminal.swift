import Foundation
import Review

/// Writing to standard output, standard error and `--output` files.
enum Terminal {
    /// Prints `message` to standard error as `stackreview: error: …`.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("stackreview: error: \(message)\n".utf8))
    }

    /// Prints `text` to standard error as is.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil or `-`.
    static func write(_ text: String, to path: String?) throws(CommandError) {
        guard let path, path != "-" else {
            // Straight from the text's bytes (a whole repository's report is tens of megabytes,
            // which `Data` would copy first).
            var text = text
            text.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Foundation.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    // Standard output was closed: nobody reads the rest.
                    guard written > 0 else { return }
                    offset += written
                }
            }
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError(
                status: .usageError,
                message: "cannot write the output file '\(path)': \(error.localizedDescription). Check that its folder exists and is writable.")
        }
    }
}

extension Terminal {
    /// Today's date as `YYYY-MM-DD` (UTC), for suppression expiry.
    static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// The text of `path`, or nil when there is no such file (`--prepend` creates it).
    static func readIfPresent(_ path: String) throws(CommandError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(status: .usageError, message: "cannot read '\(path)'. Check that it is a readable file.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads `--config FILE`.
    static func readConfiguration(_ path: String) throws(CommandError) -> (path: String, text: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(status: .usageError, message: "cannot read the configuration file '\(path)'. Check the path.")
        }
        return (path, String(decoding: data, as: UTF8.self))
    }
}

/// A failure the command line reports with a message and an exit status.
struct CommandError: Error {
    /// The exit status to end with.
    var status: ExitStatus
    /// What went wrong and what to do next.
    var message: String
}
