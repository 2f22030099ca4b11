import Terraform

/// Where a Lambda function's code comes from: the folder or file its package is built from.
struct LambdaPackage: Sendable {
    /// Repository paths of folders whose files are in the package.
    var folders: [String] = []
    /// Repository paths of single files in the package.
    var files: [String] = []

    /// Reads `filename` / `archive_file` `source_dir` / `source_file` of `function`.
    init(function: Subject, context: CheckContext) {
        let directory = context.directory
        var candidates: [Value] = []
        if let filename = function.body.value(at: "filename")?.value { candidates.append(filename) }
        // `filename = data.archive_file.x.output_path`: follow the reference to the archive.
        for edge in context.graph.references(of: function.graphNode)
        where ConnectionIndex.resourceType(of: edge.to) == "data.archive_file" {
            guard let archive = Self.dataSourceInstance(at: edge.to, in: context) else { continue }
            if let sourceDir = archive.attributes.value(at: "source_dir")?.value.stringValue,
               let path = RepositoryPaths.resolve(sourceDir, in: directory) {
                folders.append(path)
            }
            if let sourceFile = archive.attributes.value(at: "source_file")?.value.stringValue,
               let path = RepositoryPaths.resolve(sourceFile, in: directory) {
                files.append(path)
            }
        }
        for candidate in candidates {
            // A zip built outside Terraform says nothing about where its sources live.
            guard let text = candidate.stringValue, !text.hasSuffix(".zip"), let path = RepositoryPaths.resolve(text, in: directory) else { continue }
            files.append(path)
        }
    }

    /// The first data source instance of the module tree at `address` (an address without
    /// instance key), as `Module.firstDataSourceInstance(where:)` finds it in the tree, found in
    /// the one module that can hold it: the module with the longest address that ends right
    /// before a dot of `address` (the root when none does). An instance's address is its
    /// module's address, a dot and `data.TYPE.NAME`, and module addresses are made of
    /// `module.NAME` parts, so no other module holds an instance at that address.
    static func dataSourceInstance(at address: String, in context: CheckContext) -> ResourceInstance? {
        var module = context.module
        var end = address.utf8.endIndex
        while let dot = address.utf8[..<end].lastIndex(of: UInt8(ascii: ".")) {
            if let found = context.modulesByAddress[String(address[..<dot])] {
                module = found
                break
            }
            end = dot
        }
        return module.dataSourceInstances.first { $0.resourceAddress == address }
    }

    /// Whether the repository file `path` is part of the package.
    func contains(_ path: String) -> Bool {
        files.contains(path) || folders.contains { folder in folder.isEmpty || path.hasPrefix(folder + "/") }
    }
}
