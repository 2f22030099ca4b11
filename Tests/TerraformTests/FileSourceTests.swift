import Foundation
import HCL
import Testing
@testable import Terraform

@Suite struct FileSourceTests {
    @Test func cacheIsSafeUnderConcurrentLoads() async {
        let cache = ParsedFileCache()
        var files: [String: String] = [:]
        for index in 0..<20 { files["m\(index)/main.tf"] = "locals { x = \(index % 5) }" }
        let loader = ModuleLoader(source: InMemoryFileSource(files), cache: cache)
        let values = await withTaskGroup(of: Value?.self) { group in
            for index in 0..<20 { group.addTask { loader.loadModule(at: "m\(index)").localValues["x"] } }
            var collected: [Value?] = []
            for await value in group { collected.append(value) }
            return collected
        }
        #expect(values.count == 20)
        #expect(Set(values.compactMap { $0?.numberValue }) == [0, 1, 2, 3, 4])
        #expect(cache.parsedFileCount == 5)
    }

    @Test func inMemorySourceListsOneFolder() {
        let source = InMemoryFileSource(["main.tf": "", "a/x.tf": "", "a/b/y.tf": "", "ab/z.tf": ""])
        #expect(source.fileNames(in: "") == ["main.tf"])
        #expect(source.fileNames(in: "a") == ["x.tf"])
        #expect(source.readFile(at: "a/x.tf")?.bytes == [])
        #expect(source.readFile(at: "missing.tf") == nil)
    }

    @Test func largeModuleIsParsedOnEveryCoreInFileOrder() {
        // Eight files of 200 resources each: over the size from which a module's files are parsed in parallel.
        var files: [String: String] = [:]
        for file in 0..<8 {
            files["big/f\(file).tf"] = (0..<200).map { "resource \"aws_sqs_queue\" \"q\(file)_\($0)\" {\n  name = \"queue-\(file)-\($0)\"\n}\n" }.joined()
        }
        files["big/f8.tf"] = "resource \"aws_sqs_queue\" {\n}\n"
        #expect(files.values.reduce(0) { $0 + $1.utf8.count } >= ModuleConfiguration.parallelParseBytes)
        let configuration = ModuleConfiguration(directory: "big", source: InMemoryFileSource(files), cache: ParsedFileCache())
        #expect(configuration.files.map(\.path) == (0...8).map { "big/f\($0).tf" })
        #expect(configuration.resources.count == 1_600)
        let resource = configuration.resources[201]
        #expect(resource.localAddress == "aws_sqs_queue.q1_1")
        #expect(resource.source.file == "big/f1.tf")
        #expect(resource.source.block.range == SourceRange(4, 1, 57, 6, 2, 113))
        #expect(configuration.diagnostics.map { "\($0.fileName):\($0.subject.start.line): \($0.summary)" } == ["big/f8.tf:1: Wrong number of block labels"])
    }

    @Test(arguments: [
        ("./modules/x", "", "modules/x"), ("../shared", "envs/prod", "envs/shared"), ("../../..", "a/b", nil),
        ("/etc", "", nil), ("a/./b/../c", "", "a/c"),
    ] as [(String, String, String?)])
    func repositoryPaths(relative: String, directory: String, expected: String?) {
        #expect(RepositoryPath.resolve(relative, in: directory) == expected)
    }

    @Test func relativePathModule() {
        #expect(RepositoryPath.relative("modules/net", from: "envs/prod") == "../../modules/net")
        #expect(RepositoryPath.relative("envs/prod", from: "envs/prod") == ".")
    }

    @Test func unknownFunctionsWarnAndGiveUnknown() {
        let result = evaluate("upper(templatestring(\"x\", {}))")
        #expect(result.value == .unknown(["templatestring(...)"]))
        let other = evaluate("newfunc(1)")
        #expect(other.value == .unknown(["newfunc(...)"]))
        #expect(other.diagnostics.map(\.description) == ["expr.tf:1:1: warning: Function not evaluated; stackreview does not evaluate newfunc(); values that depend on it are unknown."])
    }

    @Test func missingChildArgumentIsReported() {
        let root = load(["main.tf": "module \"m\" {\n  source = \"./m\"\n}\n", "m/main.tf": "variable \"needed\" {}\n"])
        #expect(root.allDiagnostics.map(\.description) == [
            "m/main.tf:1:1: error: Missing required argument; module.m gives no value for var.needed, which has no default. Add the argument to the module block.",
        ])
        #expect(root.childModules.first?.variableValues == ["needed": .unknown(["module.m.var.needed"])])
    }
}

@Suite struct DirectoryFileSourceTests {
    @Test func loadsAModuleFromDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tf-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/modules/q", withIntermediateDirectories: true)
        try "module \"q\" {\n  source = \"./modules/q\"\n  name = \"jobs\"\n}\n".write(toFile: root + "/main.tf", atomically: true, encoding: .utf8)
        try "variable \"name\" {}\nresource \"aws_sqs_queue\" \"q\" { name = var.name }\n".write(toFile: root + "/modules/q/queue.tf", atomically: true, encoding: .utf8)
        let source = DirectoryFileSource(root: root)
        #expect(source.fileNames(in: "") == ["main.tf"])
        #expect(source.fileNames(in: "modules") == [])
        let module = ModuleLoader(source: source, cache: ParsedFileCache()).loadModule()
        #expect(module.allResourceInstances.map(\.address) == ["module.q.aws_sqs_queue.q"])
        #expect(module.instance(at: "module.q.aws_sqs_queue.q")?.attributes.value(at: "name")?.value == "jobs")
        #expect(module.instance(at: "module.q.aws_sqs_queue.q")?.file == "modules/q/queue.tf")
    }
}
