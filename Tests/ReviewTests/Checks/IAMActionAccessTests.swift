import Testing
@testable import Review

@Suite struct IAMActionAccessTests {
    @Test func writeVerbsAndPatternsMayWrite() {
        #expect(IAMActionAccess.mayWrite("dynamodb:PutItem"))
        #expect(IAMActionAccess.mayWrite("iam:AttachRolePolicy"))
        #expect(IAMActionAccess.mayWrite("iam:Attach*"))
        #expect(IAMActionAccess.mayWrite("s3:*Object"))
        #expect(IAMActionAccess.mayWrite("kms:Decrypt"))
        #expect(IAMActionAccess.mayWrite("lambda:InvokeFunction"))
        // `Testify` is not the read verb `Test` followed by a new word.
        #expect(IAMActionAccess.mayWrite("svc:Testify"))
    }

    @Test func readVerbsAndReadPatternsDoNot() {
        #expect(!IAMActionAccess.mayWrite("dynamodb:GetItem"))
        #expect(!IAMActionAccess.mayWrite("dynamodb:BatchGetItem"))
        #expect(!IAMActionAccess.mayWrite("s3:ListBucket"))
        #expect(!IAMActionAccess.mayWrite("s3:Get*"))
        #expect(!IAMActionAccess.mayWrite("ec2:Describe*"))
        #expect(!IAMActionAccess.mayWrite("sqs:Get"))
    }

    @Test func unrestrictableAndMalformedActionsAreNotJudged() {
        #expect(!IAMActionAccess.mayWrite("xray:PutTraceSegments"))
        #expect(!IAMActionAccess.mayWrite("CloudWatch:PutMetricData"))
        #expect(!IAMActionAccess.mayWrite("ec2:CreateNetworkInterface"))
        #expect(!IAMActionAccess.mayWrite("PutItem"))
        #expect(!IAMActionAccess.mayWrite("dynamodb:"))
        #expect(!IAMActionAccess.mayWrite(":PutItem"))
    }
}
