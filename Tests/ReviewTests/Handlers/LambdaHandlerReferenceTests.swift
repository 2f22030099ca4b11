import Terraform
import Testing
@testable import Review

/// How an `aws_lambda_function`'s `handler` attribute is resolved to a file and function.
@Suite struct LambdaHandlerReferenceTests {
    static func references(_ main: String) -> [String] {
        let module = ModuleLoader(source: InMemoryFileSource(["infra/main.tf": main]), cache: ParsedFileCache()).loadModule(at: "infra")
        let context = CheckContext(module: module, directory: "infra", configuration: Configuration())
        return context.subjectList.filter { $0.type == "aws_lambda_function" }.map { subject in
            guard let reference = LambdaHandlerReference.resolve(subject, in: context) else { return "\(subject.address): none" }
            return "\(subject.address): \(reference.path)::\(reference.functionName)"
        }
    }

    @Test func handlerFormsResolveAgainstThePackageRoot() {
        let main = """
            data "archive_file" "dir" {
              type        = "zip"
              source_dir  = "${path.module}/../src"
              output_path = "build/dir.zip"
            }

            data "archive_file" "one" {
              type        = "zip"
              source_file = "../functions/report.py"
              output_path = "build/one.zip"
            }

            resource "aws_lambda_function" "dotted" {
              runtime  = "python3.12"
              handler  = "orders.api.handler"
              filename = data.archive_file.dir.output_path
            }

            resource "aws_lambda_function" "slashed" {
              runtime  = "python3.11"
              handler  = "orders/api.handler"
              filename = data.archive_file.dir.output_path
            }

            resource "aws_lambda_function" "single" {
              runtime  = "python3.12"
              handler  = "report.main"
              filename = data.archive_file.one.output_path
            }

            resource "aws_lambda_function" "node" {
              runtime  = "nodejs20.x"
              handler  = "index.handler"
              filename = data.archive_file.dir.output_path
            }

            resource "aws_lambda_function" "prebuilt" {
              runtime  = "python3.12"
              handler  = "app.handler"
              filename = "build/app.zip"
            }

            """
        #expect(Self.references(main) == [
            "aws_lambda_function.dotted: src/orders/api.py::handler",
            "aws_lambda_function.slashed: src/orders/api.py::handler",
            "aws_lambda_function.single: functions/report.py::main",
            "aws_lambda_function.node: none",
            "aws_lambda_function.prebuilt: none",
        ])
    }

    /// A module tree's references and packages are gathered once (both sides ask, and a base
    /// tree reused from the head is the same tree), in subject order.
    @Test func aModuleTreesReferencesAndPackagesAreGatheredOnce() {
        let main = """
            data "archive_file" "dir" {
              type        = "zip"
              source_dir  = "${path.module}/../src"
              output_path = "build/dir.zip"
            }

            resource "aws_lambda_function" "b" {
              runtime  = "python3.12"
              handler  = "orders.api.handler"
              filename = data.archive_file.dir.output_path
            }

            resource "aws_lambda_function" "a" {
              runtime  = "nodejs20.x"
              handler  = "index.handler"
              filename = "../web/index.zip"
            }

            resource "aws_lambda_function" "c" {
              runtime  = "python3.12"
              handler  = "jobs.run"
              filename = "../jobs/jobs.py"
            }

            """
        let module = ModuleLoader(source: InMemoryFileSource(["infra/main.tf": main]), cache: ParsedFileCache()).loadModule(at: "infra")
        let context = CheckContext(module: module, directory: "infra", configuration: Configuration())
        let references = context.handlerCode.lambdaReferences(in: context)
        #expect(references.map { "\($0.address): \($0.path)::\($0.functionName)" } == [
            "aws_lambda_function.b: src/orders/api.py::handler", "aws_lambda_function.c: jobs/jobs.py::run",
        ])
        #expect(context.handlerCode.lambdaReferences(in: context) == references)
        let functions = context.handlerCode.lambdaFunctions(in: context)
        #expect(functions.map(\.address) == ["aws_lambda_function.b", "aws_lambda_function.a", "aws_lambda_function.c"])
        #expect(functions.map { context.handlerCode.reference(of: $0, in: context)?.path } == ["src/orders/api.py", nil, "jobs/jobs.py"])
        #expect(functions.map { context.handlerCode.reference(of: $0, in: context) } == functions.map { LambdaHandlerReference.resolve($0, in: context) })
        #expect(context.handlerCode.lambdaPackages(in: context).map { $0.folders + $0.files } == [["src"], [], ["jobs/jobs.py"]])
        #expect(LambdaHandlerReference.entryPoints(in: [context, context]) == ["src/orders/api.py": ["handler"], "jobs/jobs.py": ["run"]])
        let packaged = LambdaHandlerReference.packagedPaths(in: [context])
        #expect(packaged.folders == ["src"] && packaged.files == ["jobs/jobs.py"])
    }

    @Test func archivesAreFoundInTheirOwnModule() {
        let archive = """
            data "archive_file" "package" {
              type        = "zip"
              source_dir  = "${path.module}/src"
              output_path = "${path.module}/build/package.zip"
            }

            """
        let files = [
            "infra/main.tf": archive + """
                module "svc" {
                  source = "./svc"
                  count  = 2
                }

                module "other" {
                  source = "./svc"
                }

                """,
            "infra/svc/main.tf": archive + """
                module "inner" {
                  source = "../inner"
                }

                """,
            "infra/inner/main.tf": archive,
        ]
        let module = ModuleLoader(source: InMemoryFileSource(files), cache: ParsedFileCache()).loadModule(at: "infra")
        let context = CheckContext(module: module, directory: "infra", configuration: Configuration())
        let addresses = module.allDataSourceInstances.map(\.resourceAddress)
        #expect(addresses == [
            "data.archive_file.package", "module.svc[0].data.archive_file.package", "module.svc[0].module.inner.data.archive_file.package",
            "module.svc[1].data.archive_file.package", "module.svc[1].module.inner.data.archive_file.package",
            "module.other.data.archive_file.package", "module.other.module.inner.data.archive_file.package",
        ])
        for address in addresses + ["module.svc[2].data.archive_file.package", "data.archive_file.missing", "module.gone.data.archive_file.package"] {
            let expected = module.firstDataSourceInstance { $0.resourceAddress == address }
            let found = LambdaPackage.dataSourceInstance(at: address, in: context)
            #expect(found?.address == expected?.address, "\(address)")
            #expect((found == nil) == !addresses.contains(address), "\(address)")
        }
    }
}
