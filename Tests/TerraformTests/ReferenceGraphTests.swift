import HCL
import Testing
@testable import Terraform

/// The graph of a module tree is built from each module's own edges, kept once per module
/// contents and loaded calls: these tests load the same module folder in different places and
/// versions and check that every graph still says exactly what its own module tree says.
@Suite struct ReferenceGraphTests {
    static let service = """
        variable "name" {}
        locals { full = "svc-${var.name}" }
        resource "aws_sqs_queue" "q" { name = local.full }
        output "queue" { value = aws_sqs_queue.q.arn }
        """

    static func edges(_ graph: ReferenceGraph) -> [String] {
        graph.edges.map { "\($0.from) -> \($0.to) (\($0.reference), \($0.file):\($0.range.start.line))" }
    }

    @Test func moduleLoadedAloneAndAsChildrenGetsItsEdgesUnderEachPrefix() {
        let files = [
            "modules/svc/main.tf": Self.service,
            "envs/prod/main.tf": """
                module "a" {
                  source = "../../modules/svc"
                  name   = "a"
                }
                module "b" {
                  source = "../../modules/svc"
                  count  = 2
                  name   = module.a.queue
                }
                """,
        ]
        let alone = ReferenceGraph(root: load(files, at: "modules/svc"))
        let env = ReferenceGraph(root: load(files, at: "envs/prod"))
        #expect(Self.edges(alone) == [
            "local.full -> var.name (var.name, modules/svc/main.tf:2)",
            "aws_sqs_queue.q -> local.full (local.full, modules/svc/main.tf:3)",
            "output.queue -> aws_sqs_queue.q (aws_sqs_queue.q.arn, modules/svc/main.tf:4)",
        ])
        #expect(Self.edges(env) == [
            "module.b -> module.a.output.queue (module.a.queue, envs/prod/main.tf:8)",
            "module.b.var.name -> module.a.output.queue (module.a.queue, envs/prod/main.tf:8)",
            "module.a.local.full -> module.a.var.name (var.name, modules/svc/main.tf:2)",
            "module.a.aws_sqs_queue.q -> module.a.local.full (local.full, modules/svc/main.tf:3)",
            "module.a.output.queue -> module.a.aws_sqs_queue.q (aws_sqs_queue.q.arn, modules/svc/main.tf:4)",
            "module.b.local.full -> module.b.var.name (var.name, modules/svc/main.tf:2)",
            "module.b.aws_sqs_queue.q -> module.b.local.full (local.full, modules/svc/main.tf:3)",
            "module.b.output.queue -> module.b.aws_sqs_queue.q (aws_sqs_queue.q.arn, modules/svc/main.tf:4)",
        ])
        #expect(alone.nodes == ["aws_sqs_queue.q", "local.full", "output.queue", "var.name"])
        #expect(env.nodes.count == 10)
        #expect(env.nodes.contains("module.b.var.name") && env.nodes.contains("module.a"))
    }

    @Test func samePathWithOtherContentsGetsItsOwnEdges() {
        let before = ReferenceGraph(root: load(["main.tf": Self.service]))
        let after = ReferenceGraph(root: load(["main.tf": Self.service.replacing("name = local.full", with: "name = var.name")]))
        #expect(Self.edges(before)[1] == "aws_sqs_queue.q -> local.full (local.full, main.tf:3)")
        #expect(Self.edges(after)[1] == "aws_sqs_queue.q -> var.name (var.name, main.tf:3)")
    }

    @Test func sameModuleWithAnUnloadedCallPointsAtTheCall() {
        let root = """
            module "svc" {
              source = "./svc"
              name   = "x"
            }
            output "queue" { value = module.svc.queue }
            """
        let loaded = ReferenceGraph(root: load(["main.tf": root, "svc/main.tf": Self.service]))
        let missing = ReferenceGraph(root: load(["main.tf": root, "other/main.tf": Self.service]))
        #expect(loaded.references(of: "output.queue").map(\.to) == ["module.svc.output.queue"])
        #expect(missing.references(of: "output.queue").map(\.to) == ["module.svc"])
        #expect(loaded.references(of: "module.svc.var.name").isEmpty)
        #expect(missing.edges.count == 1)
    }
}
