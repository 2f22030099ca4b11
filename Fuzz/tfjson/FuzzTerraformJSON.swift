// libFuzzer entry point for Terraform's JSON syntax (`.tf.json`): every input is parsed by the
// HCL JSON parser, converted with Terraform's own block schema, and loaded as the only file of a
// module (with a local child module in JSON too), whose values, policies and graph are then read.
// Built by Fuzz/tfjson/run.sh against the modules Fuzz/modules.sh builds.
import HCL
@testable import Terraform

/// Runs one fuzz input through the JSON parser, the schema conversion and module loading.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = parseJSON(bytes, fileName: "main.tf.json")
    let converted = parsed.body(schema: ParsedFileCache.configurationSchema)
    _ = converted.body.variables()
    if let value = parsed.value { _ = value.expression(fileName: "main.tf.json").expression.variables() }
    let text = String(decoding: bytes, as: UTF8.self)
    let source = InMemoryFileSource(["main.tf.json": text, "child/main.tf.json": text, "terraform.tfvars.json": text])
    let module = ModuleLoader(source: source, cache: ParsedFileCache()).loadModule()
    _ = PolicyDocumentReader(root: module).resourcePolicies()
    let graph = ReferenceGraph(root: module)
    for node in graph.nodes.prefix(8) { _ = graph.dependents(of: node) }
    for instance in module.allResourceInstances.prefix(8) { _ = instance.attributes.value }
    return 0
}
