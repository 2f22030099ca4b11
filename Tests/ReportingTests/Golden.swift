import Foundation
import Testing

/// Compares a whole output with a file under `Golden/` beside this file.
///
/// `STACKREVIEW_UPDATE_GOLDEN=1` rewrites the files from the current output; review the change
/// with `git diff` before committing it.
enum Golden {
    static func check(_ output: String, against name: String, sourceFile: String = #filePath) throws {
        let url = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["STACKREVIEW_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "output differs from Golden/\(name); rerun with STACKREVIEW_UPDATE_GOLDEN=1 and review git diff")
    }
}
