import Terraform

extension Subject {
    /// The module (root or child) whose files hold this subject: the module with the longest
    /// address that prefixes the subject's address.
    func owningModule(in root: Module) -> Module? {
        root.allModules
            .filter { $0.address.isEmpty || address.hasPrefix($0.address + ".") }
            .max { $0.address.count < $1.address.count }
    }

    /// The name after the last dot of the address (`var.region` → `region`).
    var lastAddressComponent: String {
        String(address.split(separator: ".").last ?? "")
    }
}
