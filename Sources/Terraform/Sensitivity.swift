import HCL

extension Module {
    /// The module instance with this address (`""`, `module.net`, `module.apps["web"]`), in this tree.
    public func module(at address: String) -> Module? {
        allModules.first { $0.address == address }
    }

    /// The sensitive sources an expression of this module depends on: `var.NAME` for variables
    /// declared `sensitive = true`, and `module.NAME.OUTPUT` for child outputs declared
    /// `sensitive = true`, followed through local values. Sorted, without duplicates.
    ///
    /// This stands in for cty's sensitive marks: values themselves carry no mark, but a rule can
    /// ask whether the expression behind an attribute reaches a sensitive declaration.
    public func sensitiveSources(of expression: Expression) -> [String] {
        var found = Set<String>()
        var visitedLocals = Set<String>()
        collectSensitiveSources(expression, found: &found, visitedLocals: &visitedLocals)
        return found.sorted()
    }

    private func collectSensitiveSources(_ expression: Expression, found: inout Set<String>, visitedLocals: inout Set<String>) {
        for traversal in expression.variables() {
            let path = traversal.attributePath
            guard path.count >= 2 else { continue }
            switch path[0] {
            case "var":
                if variables.contains(where: { $0.name == path[1] && $0.sensitive }) { found.insert("var." + path[1]) }
            case "local":
                guard visitedLocals.insert(path[1]).inserted, let local = locals.first(where: { $0.name == path[1] }) else { continue }
                collectSensitiveSources(local.attribute.expression, found: &found, visitedLocals: &visitedLocals)
            case "module":
                let prefix = (address.isEmpty ? "" : address + ".") + "module." + path[1]
                let children = childModules.filter { ReferenceGraph.staticAddress($0.address) == ReferenceGraph.staticAddress(prefix) }
                for child in children {
                    for output in child.outputs where output.sensitive && (path.count < 3 || output.name == path[2]) {
                        found.insert("module.\(path[1]).\(output.name)")
                    }
                }
            default:
                continue
            }
        }
    }
}
