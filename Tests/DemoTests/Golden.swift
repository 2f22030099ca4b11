import Foundation
import Testing

/// Compares output with a golden file under `Golden/` beside this file.
///
/// Set `STACKREVIEW_UPDATE_GOLDEN=1` to rewrite the golden files from the current output, then
/// review the difference with `git diff` before committing it.
enum Golden {
    static func check(_ output: String, against name: String, sourceFile: String = #filePath) throws {
        let url = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["STACKREVIEW_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "output differs from \(name); rerun with STACKREVIEW_UPDATE_GOLDEN=1 and review git diff")
    }
}
