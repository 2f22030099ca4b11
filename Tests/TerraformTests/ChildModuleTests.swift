import HCL
import Testing
@testable import Terraform

@Suite struct ChildModuleTests {
    static let files = [
        "main.tf": """
            variable "env" { default = "prod" }
            locals { cidr = "10.0.0.0/16" }
            module "net" {
              source = "./modules/net"
              cidr   = local.cidr
              name   = "${var.env}-net"
            }
            module "apps" {
              source   = "./modules/app"
              for_each = toset(["api", "web"])
              name     = each.key
              vpc_id   = module.net.vpc_id
            }
            module "remote" {
              source  = "terraform-aws-modules/vpc/aws"
              version = "5.0.0"
            }
            resource "aws_s3_bucket" "logs" {
              bucket = "logs-${module.net.name}"
            }
            """,
        "modules/net/main.tf": """
            variable "cidr" {}
            variable "name" {}
            resource "aws_vpc" "main" {
              cidr_block = var.cidr
              tags       = { Name = var.name }
            }
            resource "aws_subnet" "a" {
              count      = 2
              vpc_id     = aws_vpc.main.id
              cidr_block = cidrsubnet(var.cidr, 8, count.index)
            }
            output "vpc_id" { value = aws_vpc.main.id }
            output "name" { value = var.name }
            """,
        "modules/app/main.tf": """
            variable "name" {}
            variable "vpc_id" {}
            resource "aws_lambda_function" "fn" {
              function_name = "fn-${var.name}"
              vpc_config { subnet_ids = [var.vpc_id] }
            }
            """,
    ]

    @Test func localModulesAreLoadedAndAddressed() throws {
        let root = load(Self.files)
        #expect(root.allDiagnostics.isEmpty)
        #expect(root.allModules.map(\.address) == ["", "module.net", "module.apps[\"api\"]", "module.apps[\"web\"]"])
        #expect(root.allResourceInstances.map(\.address) == [
            "aws_s3_bucket.logs", "module.net.aws_vpc.main", "module.net.aws_subnet.a[0]", "module.net.aws_subnet.a[1]",
            "module.apps[\"api\"].aws_lambda_function.fn", "module.apps[\"web\"].aws_lambda_function.fn",
        ])
        let vpc = try #require(root.instance(at: "module.net.aws_vpc.main"))
        #expect(vpc.attributes.value(at: "cidr_block")?.value == "10.0.0.0/16")
        #expect(vpc.attributes.value(at: "tags.Name")?.value == "prod-net")
        #expect(vpc.file == "modules/net/main.tf")
        #expect(vpc.moduleAddress == "module.net")
        #expect(root.instance(at: "module.net.aws_subnet.a[1]")?.attributes.value(at: "cidr_block")?.value == "10.0.1.0/24")
        #expect(root.instance(at: "module.net.aws_subnet.a[0]")?.attributes.value(at: "vpc_id")?.value == .unknown(["module.net.aws_vpc.main.id"]))
        #expect(root.instance(at: "aws_s3_bucket.logs")?.attributes.value(at: "bucket")?.value == "logs-prod-net")
        let web = try #require(root.instance(at: "module.apps[\"web\"].aws_lambda_function.fn"))
        #expect(web.attributes.value(at: "function_name")?.value == "fn-web")
        #expect(web.attributes.value(at: "vpc_config.subnet_ids")?.value == [.unknown(["module.net.aws_vpc.main.id"])])
        #expect(root.childModules.first?.context.pathModule == "modules/net")
        #expect(root.opaqueModuleCalls.map(\.address) == ["module.remote"])
        #expect(root.opaqueModuleCalls.first?.reason == "Its source \"terraform-aws-modules/vpc/aws\" is not a local path; remote modules are never fetched.")
    }

    @Test func moduleCyclesAreReported() {
        let root = load([
            "main.tf": "module \"a\" {\n  source = \"./a\"\n}\n",
            "a/main.tf": "module \"back\" {\n  source = \"../\"\n}\n",
        ])
        #expect(root.allModules.map(\.address) == ["", "module.a"])
        #expect(root.allDiagnostics.map(\.description) == [
            "a/main.tf:1:1: error: Module cycle; module \"back\" loads the root folder, which is already being loaded (. → a → .). Break the cycle.",
        ])
        #expect(root.childModules.first?.opaqueModuleCalls.map(\.reason) == ["It is part of a module cycle."])
    }

    @Test func referenceGraphFollowsLocalsAndModules() {
        let graph = ReferenceGraph(root: load(Self.files))
        #expect(graph.references(of: "module.net").map(\.reference) == ["local.cidr", "var.env"])
        #expect(graph.references(of: "module.net.aws_subnet.a").map(\.to) == ["module.net.aws_vpc.main", "module.net.var.cidr"])
        #expect(graph.referrers(of: "var.env").map(\.from) == ["module.net", "module.net.var.name"])
        #expect(graph.references(of: "aws_s3_bucket.logs").map(\.to) == ["module.net.output.name"])
        let chains = graph.dependents(of: "var.env").map { $0.chain.joined(separator: " → ") }
        #expect(chains == [
            "var.env → module.net.var.name → module.net.output.name → aws_s3_bucket.logs",
            "var.env → module.net.var.name → module.net.aws_vpc.main → module.net.output.vpc_id → module.apps",
            "var.env → module.net.var.name → module.net.aws_vpc.main → module.net.output.vpc_id → module.apps.var.vpc_id → module.apps.aws_lambda_function.fn",
            "var.env → module.net.var.name → module.net.aws_vpc.main → module.net.output.vpc_id → module.apps.var.vpc_id",
            "var.env → module.net",
            "var.env → module.net.var.name → module.net.aws_vpc.main → module.net.aws_subnet.a",
            "var.env → module.net.var.name → module.net.aws_vpc.main",
            "var.env → module.net.var.name → module.net.output.name",
            "var.env → module.net.var.name → module.net.aws_vpc.main → module.net.output.vpc_id",
            "var.env → module.net.var.name",
        ])
        #expect(graph.dependencies(of: "aws_s3_bucket.logs").map(\.node) == ["module.net.output.name", "module.net.var.name", "var.env"])
        let edge = graph.references(of: "module.net.aws_vpc.main").first
        #expect(edge?.range == SourceRange(4, 16, 81, 4, 24, 89))
        #expect(edge?.file == "modules/net/main.tf")
    }

    @Test func jsonModule() throws {
        let root = load(["main.tf.json": """
            {
              "variable": { "region": { "default": "eu-west-1", "type": "string" } },
              "locals": { "name": "fn-${var.region}" },
              "resource": {
                "aws_lambda_function": {
                  "api": {
                    "function_name": "${local.name}",
                    "tracing_config": { "mode": "Active" },
                    "environment": [{ "variables": { "STAGE": "prod" } }]
                  }
                }
              },
              "output": { "fn": { "value": "${aws_lambda_function.api.arn}" } }
            }
            """])
        #expect(root.allDiagnostics.isEmpty)
        #expect(root.variables.map(\.type) == [.string])
        let function = try #require(root.instance(at: "aws_lambda_function.api"))
        #expect(function.attributes.value(at: "function_name")?.value == "fn-eu-west-1")
        #expect(function.attributes.value(at: "tracing_config.mode")?.value == "Active")
        #expect(function.attributes.value(at: "environment.variables.STAGE")?.value == "prod")
        #expect(function.attributes.value(at: "tracing_config.mode")?.range == SourceRange(8, 37, 258, 8, 45, 266))
        #expect(root.outputValues == ["fn": .unknown(["aws_lambda_function.api.arn"])])
    }
}
