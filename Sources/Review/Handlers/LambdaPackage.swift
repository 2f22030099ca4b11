import Terraform

/// Where a Lambda function's code comes from: the folder or file its package is built from.
struct LambdaPackage: Sendable {
    /// Repository paths of folders whose files are in the package.
    var folders: [String] = []
    /// Repository paths of single files in the package.
    var files: [String] = []

    /// Reads `filename` / `archive_file` `source_dir` / `source_file` of `function`.
    init(function: Subject, context: CheckContext) {
        let module = context.module, directory = context.directory
        var candidates: [Value] = []
        if let filename = function.body.value(at: "filename")?.value { candidates.append(filename) }
        // `filename = data.archive_file.x.output_path`: follow the reference to the archive.
        for edge in context.graph.references(of: function.graphNode)
        where ConnectionIndex.resourceType(of: edge.to) == "data.archive_file" {
            guard let archive = module.firstDataSourceInstance(where: { $0.resourceAddress == edge.to }) else { continue }
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

    /// Whether the repository file `path` is part of the package.
    func contains(_ path: String) -> Bool {
        files.contains(path) || folders.contains { folder in folder.isEmpty || path.hasPrefix(folder + "/") }
    }
}
