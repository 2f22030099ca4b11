import Foundation
import Testing
@testable import Review

/// The SDK → IAM action table and its data file `rules/data/sdk-iam-actions.yaml`.
@Suite struct SDKActionTableTests {
    static let dataFile = BuiltinRulesTests.packageRoot.appendingPathComponent("rules/data/sdk-iam-actions.yaml")

    @Test func dataFileMatchesTheTable() throws {
        if ProcessInfo.processInfo.environment["STACKREVIEW_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.dataFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(SDKActionTable.yaml.utf8).write(to: Self.dataFile)
            return
        }
        let current = try String(contentsOf: Self.dataFile, encoding: .utf8)
        #expect(current == SDKActionTable.yaml, "rules/data/sdk-iam-actions.yaml is stale; run STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter SDKActionTableTests")
    }

    @Test func coversTheServicesHandlersUse() {
        #expect(SDKActionTable.actions.keys.sorted() == ["dynamodb", "kms", "lambda", "logs", "secretsmanager", "s3", "sns", "sqs", "ssm"].sorted())
        #expect(SDKActionTable.actions["s3"]?["copy_object"] == ["s3:GetObject", "s3:PutObject"])
        #expect(SDKActionTable.actions["dynamodb"]?["batch_writer"] == ["dynamodb:BatchWriteItem"])
        #expect(SDKActionTable.actions["secretsmanager"]?["get_secret_value"] == ["secretsmanager:GetSecretValue"])
    }

    @Test func everyActionNamesItsService() {
        for (service, methods) in SDKActionTable.actions {
            for (method, actions) in methods {
                #expect(!actions.isEmpty, "\(service).\(method) has no action")
                for action in actions { #expect(action.hasPrefix(service + ":"), "\(service).\(method) → \(action)") }
            }
        }
    }
}
