import HCL
import Testing
@testable import Terraform

@Suite struct ModuleTests {
    @Test func localsEvaluateInDependencyOrder() {
        let module = load(["main.tf": """
            locals {
              full   = "${local.prefix}-${var.env}"
              prefix = upper(local.base)
              base   = "app"
              tags   = merge({ Name = local.full }, var.extra)
            }
            variable "env" { default = "dev" }
            variable "extra" {
              type    = map(string)
              default = { Team = "core" }
            }
            """])
        #expect(module.diagnostics.isEmpty)
        #expect(module.localValues == ["base": "app", "prefix": "APP", "full": "APP-dev", "tags": ["Name": "APP-dev", "Team": "core"]])
    }

    @Test func localCycleGivesDiagnosticAndUnknowns() {
        let module = load(["main.tf": """
            locals {
              a = "${local.b}-x"
              b = local.c
              c = local.a
              d = "${local.a}!"
              e = 1
            }
            """])
        #expect(module.localValues["a"] == .unknown(["local.a"]))
        #expect(module.localValues["b"] == .unknown(["local.b"]))
        #expect(module.localValues["c"] == .unknown(["local.c"]))
        #expect(module.localValues["d"] == .unknown(["local.a"]))
        #expect(module.localValues["e"] == 1)
        #expect(module.diagnostics.map(\.description) == [
            "main.tf:2:3: error: Cycle in local values; The local values local.a, local.b, local.c refer to each other (local.a → local.b → local.c → local.a), so none of them has a value. Break the cycle.",
        ])
        #expect(module.diagnostics.first?.subject == SourceRange(2, 3, 11, 2, 4, 12))
    }

    @Test func tfvarsPrecedence() {
        let module = load([
            "main.tf": """
                variable "a" { default = "default" }
                variable "b" { default = "default" }
                variable "c" { default = "default" }
                variable "d" { default = "default" }
                variable "e" {}
                variable "n" { type = number }
                """,
            "terraform.tfvars": "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\nn = \"5\"\n",
            "terraform.tfvars.json": "{\"b\": \"tfvars.json\", \"c\": \"tfvars.json\"}",
            "b.auto.tfvars": "c = \"b.auto\"",
            "a.auto.tfvars": "c = \"a.auto\"\nd = \"a.auto\"",
        ], variables: ["d": "given"])
        #expect(module.variableValues == ["a": "tfvars", "b": "tfvars.json", "c": "b.auto", "d": "given", "e": .unknown(["var.e"]), "n": 5])
    }

    @Test func countExpansion() throws {
        let module = load(["main.tf": """
            variable "names" { default = ["x", "y"] }
            resource "aws_kms_key" "logs" {
              count       = length(var.names)
              description = "key ${count.index} for ${var.names[count.index]}"
            }
            resource "aws_kms_key" "none" {
              count = 0
            }
            resource "aws_kms_key" "later" {
              count = length(aws_s3_bucket.b.tags)
              description = "k${count.index}"
            }
            """])
        #expect(module.diagnostics.isEmpty)
        #expect(module.resourceInstances.map(\.address) == ["aws_kms_key.logs[0]", "aws_kms_key.logs[1]", "aws_kms_key.later[*]"])
        let second = try #require(module.instance(at: "aws_kms_key.logs[1]"))
        #expect(second.attributes.value(at: "description")?.value == "key 1 for y")
        #expect(second.key == .index(1))
        let later = try #require(module.instance(at: "aws_kms_key.later[*]"))
        #expect(later.attributes.value(at: "description")?.value == .unknown(["aws_s3_bucket.b.tags"]))
    }

    @Test func forEachExpansion() throws {
        let module = load(["main.tf": """
            resource "aws_s3_bucket" "b" {
              for_each = { logs = "private", web = "public-read" }
              bucket   = "acme-${each.key}"
              acl      = each.value
            }
            resource "aws_sqs_queue" "q" {
              for_each = toset(["a", "b"])
              name     = each.value
            }
            resource "aws_sqs_queue" "bad" {
              for_each = ["a"]
            }
            """])
        #expect(module.resourceInstances.map(\.address) == [
            "aws_s3_bucket.b[\"logs\"]", "aws_s3_bucket.b[\"web\"]", "aws_sqs_queue.q[\"a\"]", "aws_sqs_queue.q[\"b\"]",
        ])
        let web = try #require(module.instance(at: "aws_s3_bucket.b[\"web\"]"))
        #expect(web.attributes.value(at: "acl")?.value == "public-read")
        #expect(web.attributes.value(at: "bucket")?.value == "acme-web")
        #expect(module.diagnostics.map(\.description) == [
            "main.tf:11:14: error: Invalid for_each argument; for_each needs a map or a set of strings; this is a list (wrap it in toset()).",
        ])
    }

    @Test func dynamicBlocksExpand() throws {
        let module = load(["main.tf": """
            variable "ports" { default = [80, 443] }
            resource "aws_security_group" "web" {
              name = "web"
              dynamic "ingress" {
                for_each = var.ports
                iterator = port
                content {
                  from_port   = port.value
                  cidr_blocks = ["0.0.0.0/0"]
                }
              }
              dynamic "egress" {
                for_each = data.aws_ip_ranges.x.cidr_blocks
                content { cidr_blocks = egress.value }
              }
            }
            """])
        let group = try #require(module.instance(at: "aws_security_group.web"))
        #expect(group.attributes.values(at: "ingress.from_port").map(\.value) == [80, 443])
        #expect(group.attributes.values(at: "ingress.from_port").map(\.range) == [SourceRange(8, 21, 195, 8, 31, 205), SourceRange(8, 21, 195, 8, 31, 205)])
        #expect(group.attributes.blocks.map(\.range) == [SourceRange(7, 5, 165, 10, 6, 245), SourceRange(7, 5, 165, 10, 6, 245)])
        #expect(group.attributes.unexpandedDynamicBlocks.map(\.type) == ["egress"])
        #expect(group.attributes.unexpandedDynamicBlocks.first?.forEach == .unknown(["data.aws_ip_ranges.x.cidr_blocks"]))
        #expect(group.attributes.value == [
            "name": "web",
            "ingress": [["from_port": 80, "cidr_blocks": ["0.0.0.0/0"]], ["from_port": 443, "cidr_blocks": ["0.0.0.0/0"]]],
        ])
    }

    @Test func attributePathsGiveExactRanges() throws {
        let text = """
            resource "aws_lambda_function" "api" {
              function_name = "api"
              tracing_config {
                mode = "PassThrough"
              }
              environment {
                variables = {
                  API_KEY = "secret"
                  STAGE   = var.stage
                }
              }
            }
            variable "stage" {}
            """
        let module = load(["lambda.tf": text])
        let function = try #require(module.instance(at: "aws_lambda_function.api"))
        #expect(function.file == "lambda.tf")
        #expect(function.range == SourceRange(1, 1, 0, 12, 2, 207))
        let mode = try #require(function.attributes.value(at: "tracing_config.mode"))
        #expect(mode.value == "PassThrough")
        #expect(mode.range == SourceRange(4, 12, 93, 4, 25, 106))
        let key = try #require(function.attributes.value(at: "environment.variables.API_KEY"))
        #expect(key.value == "secret")
        #expect(key.range == SourceRange(8, 17, 161, 8, 25, 169))
        #expect(function.attributes.value(at: "environment.variables.STAGE")?.value == .unknown(["var.stage"]))
        #expect(function.attributes.value(at: "environment.0.variables.API_KEY")?.value == "secret")
        #expect(function.attributes.value(at: "dead_letter_config.target_arn") == nil)
    }

    @Test func declarationsAreRead() throws {
        let module = load(["main.tf": """
            terraform {
              required_version = ">= 1.5"
              required_providers {
                aws = { source = "hashicorp/aws", version = "~> 5.0" }
              }
              backend "s3" { bucket = "state" }
            }
            provider "aws" {
              region = "eu-west-1"
              default_tags {
                tags = { Owner = "team" }
              }
            }
            provider "aws" {
              alias  = "us"
              region = "us-east-1"
            }
            variable "token" {
              type        = string
              description = "API token"
              sensitive   = true
              validation {
                condition     = length(var.token) > 3
                error_message = "Too short."
              }
            }
            output "token_length" {
              value     = length(var.token)
              sensitive = true
            }
            moved {
              from = aws_s3_bucket.old
              to   = aws_s3_bucket.new
            }
            """], variables: ["token": "ab"])
        let settings = try #require(module.terraformSettings.first)
        #expect(settings.requiredVersion == ">= 1.5")
        #expect(settings.requiredProviders.map { "\($0.name) \($0.source ?? "-") \($0.version ?? "-")" } == ["aws hashicorp/aws ~> 5.0"])
        #expect(settings.backendType == "s3")
        #expect(module.providers.map(\.reference) == ["aws", "aws.us"])
        #expect(module.providerConfigurations.first?.defaultTags?.value == ["Owner": "team"])
        #expect(module.providerConfigurations.first?.defaultTags?.range == SourceRange(11, 12, 234, 11, 30, 252))
        let token = try #require(module.variables.first)
        #expect(token.type == .string)
        #expect(token.description == "API token")
        #expect(token.sensitive)
        #expect(token.validations.count == 1)
        #expect(module.outputValues == ["token_length": 2])
        #expect(module.outputs.first?.sensitive == true)
        #expect(module.moved.map { "\($0.from ?? "") -> \($0.to ?? "")" } == ["aws_s3_bucket.old -> aws_s3_bucket.new"])
        #expect(module.diagnostics.map(\.description) == ["main.tf:23:21: error: Invalid value for variable; Too short. The value is \"ab\"."])
    }

    @Test func expressionsOperatorsAndTemplates() {
        #expect(value("1 + 2 * 3 - 4 / 2 % 3") == 5)
        #expect(value("!(1 < 2) || 3 >= 3 && \"a\" != \"b\"") == true)
        #expect(value("[for i, v in [\"a\", \"b\"] : \"${i}${v}\" if v != \"c\"]") == ["0a", "1b"])
        #expect(value("{for k, v in {x = 1, y = 2} : v => k}") == ["1": "x", "2": "y"])
        #expect(value("{for s in [\"ab\", \"ac\", \"b\"] : substr(s, 0, 1) => s...}") == ["a": ["ab", "ac"], "b": ["b"]])
        #expect(value("[{a = 1}, {a = 2}][*].a") == [1, 2])
        #expect(value("[{a = {b = 1}}].*.a.b") == [1])
        #expect(value("true ? \"y\" : \"n\"") == "y")
        #expect(value("aws_s3_bucket.b.id == \"\" ? 1 : 2") == .unknown(["aws_s3_bucket.b.id"]))
        #expect(value("\"%{ if true }yes%{ else }no%{ endif }-%{ for x in [1, 2] }${x},%{ endfor }\"") == "yes-1,2,")
        #expect(value("\"${path.module}/${terraform.workspace}\"") == "./default")
        #expect(value("\"arn:${data.aws_caller_identity.me.account_id}\"") == .unknown(["data.aws_caller_identity.me.account_id"]))
        #expect(value("aws_kms_key.logs[0].arn") == .unknown(["aws_kms_key.logs[0].arn"]))
        #expect(value("false && aws_s3_bucket.b.id == \"\"") == false)
    }

    @Test func evaluationErrorsPointAtTheirSource() {
        let result = evaluate("{a = 1}.b")
        #expect(result.value == .unknown([]))
        #expect(result.diagnostics.map(\.description) == ["expr.tf:1:8: error: Unsupported attribute; This object has no attribute \"b\"."])
    }

    @Test func parseCacheParsesEachBlobOnce() {
        let cache = ParsedFileCache()
        let files = InMemoryFileSource(["a/main.tf": "locals { x = 1 }", "b/main.tf": "locals { x = 1 }", "b/other.tf": "locals { y = 2 }"])
        let loader = ModuleLoader(source: files, cache: cache)
        _ = loader.loadModule(at: "a")
        let second = loader.loadModule(at: "b")
        _ = loader.loadModule(at: "b")
        #expect(cache.parsedFileCount == 2)
        #expect(second.localValues == ["x": 1, "y": 2])
    }
}

@Suite struct SensitivityTests {
    @Test func sensitiveSourcesFollowLocalsAndModuleOutputs() throws {
        let root = load([
            "main.tf": """
                variable "token" { sensitive = true }
                variable "name" {}
                locals {
                  header = "Bearer ${var.token}"
                  both   = "${local.header}:${var.name}"
                }
                module "db" { source = "./db" }
                resource "aws_lambda_function" "f" {
                  environment {
                    variables = { AUTH = local.both, DB = module.db.password, NAME = var.name }
                  }
                }
                """,
            "db/main.tf": """
                output "password" {
                  value     = "x"
                  sensitive = true
                }
                """,
        ], variables: ["token": "t", "name": "n"])
        let function = try #require(root.instance(at: "aws_lambda_function.f"))
        let variables = try #require(function.attributes.blocks(ofType: "environment").first?.body.attribute("variables"))
        #expect(root.sensitiveSources(of: variables.expression) == ["module.db.password", "var.token"])
        #expect(function.attributes.value(at: "environment.variables.AUTH")?.value == "Bearer t:n")
        #expect(root.module(at: "module.db")?.outputValues == ["password": "x"])
    }
}

@Suite struct VariableFileTests {
    @Test func undeclaredTfvarsValueWarnsAtItsAssignment() {
        let module = load(["main.tf": "variable \"a\" {}", "terraform.tfvars": "a = 1\nb = 2\n"])
        #expect(module.variableValues == ["a": 1])
        #expect(module.diagnostics.map(\.description) == [
            "terraform.tfvars:2:1: warning: Value for undeclared variable; terraform.tfvars gives a value for \"b\" but the module declares no such variable. Remove it or declare the variable.",
        ])
    }

    @Test func emptyModuleExpansions() {
        let module = load([
            "main.tf": "module \"none\" {\n  source = \"./m\"\n  count = 0\n}\nmodule \"empty\" {\n  source = \"./m\"\n  for_each = {}\n}\nlocals {\n  a = module.none\n  b = module.empty\n}\n",
            "m/main.tf": "output \"x\" { value = 1 }",
        ])
        #expect(module.localValues == ["a": [], "b": [:]])
        #expect(module.childModules.isEmpty)
    }
}

@Suite struct TypeConstraintTests {
    @Test func objectDefaultsAndConversions() throws {
        let module = load(["main.tf": """
            variable "settings" {
              type = object({
                name    = string
                retries = optional(number, 3)
                tracing = optional(bool, true)
                tags    = optional(map(string))
                ids     = list(string)
              })
              default = { name = "api", tracing = false, ids = [1, 2] }
            }
            variable "zones" {
              type    = set(string)
              default = ["b", "a", "b"]
            }
            """])
        #expect(module.variableValues["settings"] == ["name": "api", "retries": 3, "tracing": false, "tags": .null, "ids": ["1", "2"]])
        #expect(module.variableValues["zones"] == .set(["a", "b"]))
        #expect(module.variables.first?.type?.description == "object({ids = list(string), name = string, retries = optional(number, 3), tags = optional(map(string)), tracing = optional(bool, true)})")
    }
}
