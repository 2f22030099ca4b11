// libFuzzer entry point for the Terraform layer: every input is loaded as a module's main.tf (with
// a child module, tfvars and a template next to it), then policy documents and the reference
// graph are read, and the input is also given to yamldecode and jsondecode.
// Built by Fuzz/terraform/run.sh against HCL compiled as a separate module.
import HCL

/// Runs one fuzz input through loading, evaluation, policies, the graph and the decoders.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = InMemoryFileSource([
        "main.tf": text,
        "child/main.tf": text,
        "terraform.tfvars": text,
        "doc.tpl": text,
        "extra.tf.json": text,
    ])
    let module = ModuleLoader(source: source, cache: ParsedFileCache()).loadModule()
    _ = PolicyDocumentReader(root: module).resourcePolicies()
    let graph = ReferenceGraph(root: module)
    for node in graph.nodes.prefix(8) { _ = graph.dependents(of: node) }
    for instance in module.allResourceInstances.prefix(8) {
        _ = instance.attributes.values(at: "a.b.0.c")
        _ = instance.attributes.value
    }
    _ = try? YAMLText.decode(text)
    _ = JSONText.decode(text)
    return 0
}
