import Foundation
import Testing
@testable import Review

/// The rules under `rules/`: embedded in the binary, valid, and each one's examples behave.
@Suite struct BuiltinRulesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.yml` file under `rules/`, as (repository path, text), sorted.
    static func ruleFiles() throws -> [(path: String, text: String)] {
        let rulesFolder = packageRoot.appendingPathComponent("rules")
        guard let enumerator = FileManager.default.enumerator(at: rulesFolder, includingPropertiesForKeys: nil) else { return [] }
        var files: [(path: String, text: String)] = []
        for case let url as URL in enumerator where url.pathExtension == "yml" {
            let path = "rules/" + url.path.dropFirst(rulesFolder.path.count + 1)
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test func embeddedRulesMatchTheRulesFolder() throws {
        let files = try Self.ruleFiles()
        let generated = BuiltinRules.generatedSource(for: files)
        let target = Self.packageRoot.appendingPathComponent("Sources/Review/BuiltinRules+Files.swift")
        if ProcessInfo.processInfo.environment["STACKREVIEW_UPDATE_GOLDEN"] == "1" {
            try Data(generated.utf8).write(to: target)
            return
        }
        let current = try String(contentsOf: target, encoding: .utf8)
        #expect(current == generated, "Sources/Review/BuiltinRules+Files.swift is stale; run STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter BuiltinRulesTests")
    }

    @Test func everyRuleLoadsAndNamesAnExistingCheck() {
        let (rules, errors) = BuiltinRules.load()
        #expect(errors.map(\.description) == [])
        #expect(rules.count == BuiltinRules.files.count)
    }

    @Test func everyCodedCheckIsUsedByARule() {
        let used = Set(BuiltinRules.load().rules.compactMap { rule -> String? in
            if case .coded(let name) = rule.check { return name }
            return nil
        })
        #expect(CodedChecks.all.map(\.name).filter { !used.contains($0) } == [])
        #expect(Set(CodedChecks.all.map(\.name)).count == CodedChecks.all.count, "two coded checks share a name")
    }

    @Test func everyRulesExamplesFireExactlyAtTheirMarkers() {
        let runner = RuleExampleRunner()
        let failures = BuiltinRules.load().rules.flatMap { runner.failures(of: $0) }
        #expect(failures.map(\.description) == [])
    }
}
