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

    static let connected = """
        resource "aws_sqs_queue" "q" { name = "q" }
        resource "aws_sqs_queue_policy" "p" { queue_url = aws_sqs_queue.q.id }
        resource "aws_lambda_event_source_mapping" "m" {
          event_source_arn = aws_sqs_queue.q.arn
          function_name    = aws_sqs_queue.q.name
        }
        output "queue" { value = aws_sqs_queue.q.arn }
        """

    /// `(node, type)` of each resource neighbour, sorted by node.
    static func neighbours(_ graph: ReferenceGraph, _ node: String) -> [String] {
        graph.resourceNeighbours(of: node).map { "\($0.node) (\($0.type))" }.sorted()
    }

    @Test func resourceNeighboursAreTheOwnModulesUnderEachPrefix() {
        let files = [
            "modules/q/main.tf": Self.connected,
            "envs/prod/main.tf": """
                module "a" { source = "../../modules/q" }
                module "b" {
                  source = "../../modules/q"
                  count  = 2
                }
                resource "aws_sns_topic" "t" { name = module.a.queue }
                """,
        ]
        let alone = ReferenceGraph(root: load(files, at: "modules/q"))
        let env = ReferenceGraph(root: load(files, at: "envs/prod"))
        #expect(Self.neighbours(alone, "aws_sqs_queue.q") == [
            "aws_lambda_event_source_mapping.m (aws_lambda_event_source_mapping)", "aws_sqs_queue_policy.p (aws_sqs_queue_policy)",
        ])
        #expect(Self.neighbours(env, "module.b.aws_sqs_queue.q") == [
            "module.b.aws_lambda_event_source_mapping.m (aws_lambda_event_source_mapping)",
            "module.b.aws_sqs_queue_policy.p (aws_sqs_queue_policy)",
        ])
        #expect(Self.neighbours(env, "module.a.aws_sqs_queue_policy.p") == ["module.a.aws_sqs_queue.q (aws_sqs_queue)"])
        // The topic refers to an output, not a resource; outputs and calls have no neighbours.
        #expect(Self.neighbours(env, "aws_sns_topic.t").isEmpty)
        #expect(Self.neighbours(env, "module.a.output.queue").isEmpty)
        #expect(env.resourceNeighbourCount(of: "module.a.aws_sqs_queue.q") { $0.hasPrefix("aws_lambda") } == 1)
        #expect(env.resourceNeighbourCount(of: "module.a.aws_sqs_queue.q") { _ in true } == 2)
        #expect(env.resourceNeighbourCount(of: "module.c.aws_sqs_queue.q") { _ in true } == 0)
    }

    @Test func aCallWhoseNameHoldsADotTypesItsNodesAsTheirAddressesSay() {
        // `module.a.b.local.full` reads as a resource of type `b`, as ConnectionIndex.resourceType
        // has always read such an address: its edges to other such nodes connect them.
        let graph = ReferenceGraph(root: load([
            "main.tf": "module \"a.b\" {\n  source = \"./svc\"\n  name   = \"x\"\n}\n",
            "svc/main.tf": Self.service,
        ]))
        #expect(ReferenceGraph.resourceType(of: "module.a.b.local.full") == "b")
        #expect(Self.neighbours(graph, "module.a.b.local.full") == ["module.a.b.aws_sqs_queue.q (b)", "module.a.b.var.name (b)"])
        #expect(graph.references(of: "module.a.b.local.full").map(\.to) == ["module.a.b.var.name"])
    }

    @Test func queriesUnderAPrefixGiveWholeAddressesForAnyText() {
        let files = [
            "svc/main.tf": """
                variable "näme" {}
                locals { fûll = "svc-${var.näme}" }
                resource "aws_sqs_queue" "q" { name = local.fûll }
                """,
            "main.tf": "module \"s\" {\n  source = \"./svc\"\n  näme   = \"x\"\n}\n",
        ]
        let graph = ReferenceGraph(root: load(files))
        #expect(graph.references(of: "module.s.local.fûll").map { "\($0.from) -> \($0.to)" } == ["module.s.local.fûll -> module.s.var.näme"])
        #expect(graph.referrers(of: "module.s.var.näme").map { "\($0.from) -> \($0.to)" } == ["module.s.local.fûll -> module.s.var.näme"])
        #expect(graph.dependents(of: "module.s.var.näme").map { $0.chain.joined(separator: " → ") } == [
            "module.s.var.näme → module.s.local.fûll → module.s.aws_sqs_queue.q",
            "module.s.var.näme → module.s.local.fûll",
        ])
        #expect(graph.referrers(of: "module.s.aws_sqs_queue.q").isEmpty)
    }

    @Test func resourceTypesOfNodes() {
        let types = [
            "aws_s3_bucket.b", "data.aws_iam_policy_document.x", "module.a.module.b.aws_sqs_queue.q", "module.a.data.t.n",
            "var.x", "local.y", "output.z", "provider.aws.us", "module.a", "module.a.output.o", "module.a.var.v", "data.x",
            "terraform.x", "a..b", "x", "", "module.module.x", "module.a.module",
        ].map { ReferenceGraph.resourceType(of: $0) ?? "-" }
        #expect(types == [
            "aws_s3_bucket", "data.aws_iam_policy_document", "aws_sqs_queue", "data.t",
            "-", "-", "-", "-", "-", "-", "-", "-",
            "-", "a", "-", "-", "-", "-",
        ])
    }

    @Test func referredToByOthersIgnoresSelfReferences() {
        let files = [
            "svc/main.tf": """
                variable "unused" {}
                variable "used" {}
                locals {
                  self = local.self
                  full = "svc-${var.used}"
                }
                """,
            "main.tf": "module \"s\" {\n  source = \"./svc\"\n  used   = var.top\n}\nvariable \"top\" {}\n",
        ]
        let graph = ReferenceGraph(root: load(files))
        let nodes = ["var.top", "module.s.var.used", "module.s.var.unused", "module.s.local.self", "module.s.local.full", "module.t.var.used"]
        #expect(nodes.map(graph.isReferredToByOthers) == [true, true, false, false, false, false])
        #expect(nodes.map { node in graph.referrers(of: node).contains { $0.from != node } } == [true, true, false, false, false, false])
    }
}
