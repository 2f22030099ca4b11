import Testing
@testable import Review

/// What the cross-checks read from Python code: environment reads and SDK calls.
@Suite struct HandlerCodeFactsTests {
    @Test func sdkCallsThroughClientsResourcesAndInlineFactories() throws {
        let source = """
            import boto3 as aws
            from boto3 import client

            queue = client("sqs")
            orders = aws.resource("dynamodb").Table("orders")

            def handler(event, context):
                queue.send_message(QueueUrl="q", MessageBody="m")
                orders.put_item(Item=event)
                aws.client("s3").put_object(Bucket="b", Key="k", Body=b"")
                helper().publish(TopicArn="t", Message="m")

            """
        let facts = try #require(HandlerCodeFacts(path: "app.py", bytes: Array(source.utf8)))
        #expect(facts.sdkCalls.map { "\($0.service).\($0.method):\($0.line)" } == [
            "sqs.send_message:8", "dynamodb.put_item:9", "s3.put_object:10",
        ])
        #expect(facts.functionNames == ["handler"])
    }

    @Test func environmentReadsWithAndWithoutDefaults() throws {
        let source = """
            import os
            from os import environ

            TABLE = os.environ["TABLE_NAME"]
            STAGE = os.environ.get("STAGE", "dev")
            QUEUE = environ.get("QUEUE_URL")
            LEVEL = os.getenv("LOG_LEVEL", default="INFO")

            """
        let facts = try #require(HandlerCodeFacts(path: "app.py", bytes: Array(source.utf8)))
        #expect(facts.environmentReads.map { "\($0.name):\($0.line):\($0.hasDefault)" } == [
            "TABLE_NAME:4:false", "STAGE:5:true", "QUEUE_URL:6:false", "LOG_LEVEL:7:true",
        ])
        #expect(!facts.readsEnvironmentDynamically)
    }

    @Test func computedNamesAndWholeEnvironmentAreDynamic() throws {
        for line in ["value = os.environ[name]", "copy = dict(os.environ)", "value = os.getenv(prefix + \"_URL\")"] {
            let facts = try #require(HandlerCodeFacts(path: "app.py", bytes: Array("import os\n\(line)\n".utf8)))
            #expect(facts.readsEnvironmentDynamically, "\(line)")
        }
    }

    @Test func aFileThatDoesNotParseHasNoFacts() {
        #expect(HandlerCodeFacts(path: "app.py", bytes: Array("def handler(event, context)\n    return 1\n".utf8)) == nil)
    }
}
