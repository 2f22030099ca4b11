import Terraform

extension Subject {
    /// The module (root or child) whose files hold this subject: the module with the longest
    /// address that prefixes the subject's address.
    ///
    /// Walks the tree in place (checks ask this for every subject, so no list of every module
    /// is built); among equally long addresses the first in tree order wins. Lengths are
    /// compared in bytes: the addresses compared prefix one another, so bytes order them as
    /// characters would. A child's
    /// descendants have addresses that start with the child's address and a dot, so the walk
    /// enters only children whose address prefixes the subject's.
    func owningModule(in root: Module) -> Module? {
        var best: Module?
        func visit(_ module: Module) {
            if best.map({ $0.address.utf8.count < module.address.utf8.count }) ?? true { best = module }
            for index in module.childModules.indices where contains(module.childModules[index].address) {
                visit(module.childModules[index])
            }
        }
        guard contains(root.address) else { return nil }
        visit(root)
        return best
    }

    /// The module (root or child) whose files hold this subject, as `owningModule(in:)` finds it
    /// in the context's root module, looked up by address: the longest module address that
    /// ends right before a dot of the subject's address.
    func owningModule(in context: CheckContext) -> Module? {
        let root = context.module
        guard contains(root.address) else { return nil }
        let bytes = address.utf8
        var end = bytes.endIndex
        while let dot = bytes[..<end].lastIndex(of: UInt8(ascii: ".")) {
            if let module = context.modulesByAddress[String(address[..<dot])], module.address.utf8.count >= root.address.utf8.count {
                return module
            }
            end = dot
        }
        return root
    }

    /// Whether this subject lies in the module at `moduleAddress` (or one of its descendants).
    private func contains(_ moduleAddress: String) -> Bool {
        moduleAddress.isEmpty || address.hasPrefix(moduleAddress + ".")
    }

    /// The name after the last dot of the address (`var.region` → `region`).
    var lastAddressComponent: String {
        String(address.split(separator: ".").last ?? "")
    }
}

extension Module {
    /// The parsed file at `path` in this module or the first of its descendants (in tree order)
    /// that holds it, found without building the list of every module.
    func parsedFile(at path: String) -> ParsedFile? {
        if let file = configuration.file(at: path) { return file }
        for index in childModules.indices {
            if let file = childModules[index].parsedFile(at: path) { return file }
        }
        return nil
    }

    /// The first data source instance, in tree order (as in `allDataSourceInstances`), that
    /// `predicate` accepts, found without building the list of every instance.
    func firstDataSourceInstance(where predicate: (ResourceInstance) -> Bool) -> ResourceInstance? {
        if let found = dataSourceInstances.first(where: predicate) { return found }
        for index in childModules.indices {
            if let found = childModules[index].firstDataSourceInstance(where: predicate) { return found }
        }
        return nil
    }
}
