import HCL
import Testing
@testable import Terraform

/// A parse cache keeps the declarations of each module folder by the syntax, path and content
/// id of its files: a folder read again with other files or other contents is read anew.
@Suite struct ModuleConfigurationCacheTests {
    static func read(_ directory: String, _ files: [String: String], cache: ParsedFileCache) -> ModuleConfiguration {
        ModuleConfiguration(directory: directory, source: InMemoryFileSource(files), cache: cache)
    }

    @Test func folderWithOtherFilesOrContentsIsReadAnew() {
        let cache = ParsedFileCache()
        let first = Self.read("m", ["m/main.tf": "variable \"a\" {}\n"], cache: cache)
        let again = Self.read("m", ["m/main.tf": "variable \"a\" {}\n"], cache: cache)
        let changed = Self.read("m", ["m/main.tf": "variable \"b\" {}\n"], cache: cache)
        let added = Self.read("m", ["m/main.tf": "variable \"a\" {}\n", "m/locals.tf": "locals { l = var.a }\n"], cache: cache)
        let json = Self.read("m", ["m/main.tf.json": "{\"variable\": {\"j\": {}}}"], cache: cache)
        #expect(first.variables.map(\.name) == ["a"])
        #expect(again.variables.map(\.name) == ["a"])
        #expect(changed.variables.map(\.name) == ["b"])
        #expect(added.variables.map(\.name) == ["a"])
        #expect(added.locals.map(\.name) == ["l"])
        #expect(added.files.map(\.path) == ["m/locals.tf", "m/main.tf"])
        #expect(json.variables.map(\.name) == ["j"])
        #expect(cache.parsedFileCount == 4)
    }

    @Test func sameContentsInAnotherFolderNameThatFolder() {
        let cache = ParsedFileCache()
        let text = "variable \"a\" {}\nvariable \"a\" {}\n"
        let a = Self.read("a", ["a/main.tf": text], cache: cache)
        let b = Self.read("b", ["b/main.tf": text], cache: cache)
        #expect(a.directory == "a")
        #expect(b.directory == "b")
        #expect(b.variables.map(\.source.file) == ["b/main.tf"])
        #expect(a.diagnostics.map(\.fileName) == ["a/main.tf"])
        #expect(b.diagnostics.map(\.fileName) == ["b/main.tf"])
        #expect(b.diagnostics.map(\.summary) == ["Duplicate declaration"])
        #expect(cache.parsedFileCount == 1)
    }
}
