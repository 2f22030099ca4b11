import Testing
import Foundation
@testable import Python

@Test func probe() {
    let source = (try? String(contentsOfFile: "/tmp/probe.py", encoding: .utf8)) ?? ""
    let file = SourceFile(text: source)
    print("=====")
    print(TreeRendering.render(file))
    for diagnostic in file.diagnostics { print("DIAG", diagnostic.range, diagnostic.summary) }
    print("=====")
}
