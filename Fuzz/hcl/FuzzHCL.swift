// libFuzzer entry point for the HCL parsers: every input goes through the native parser, the
// JSON parser with a small block schema, and the standalone expression and template parsers.
// Built by Fuzz/hcl/run.sh together with Sources/HCL/*.swift (one module, no import needed; the
// Threading library the parser imports is built beside it).

/// The block schema used to turn fuzzed JSON into bodies.
let fuzzSchema = BlockSchema(blocks: [
    "resource": BlockTypeSchema(labelCount: 2, body: BlockSchema(blocks: ["lifecycle": BlockTypeSchema(labelCount: 0)])),
    "variable": BlockTypeSchema(labelCount: 1),
    "locals": BlockTypeSchema(labelCount: 0),
])

/// Runs one fuzz input through every parser; returns 0 as libFuzzer expects.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let native = parse(bytes, fileName: "fuzz.tf")
    for attribute in native.body.attributes {
        _ = attribute.expression.variables()
        _ = native.text(of: attribute.range)
    }
    let json = parseJSON(bytes, fileName: "fuzz.tf.json")
    let converted = json.body(schema: fuzzSchema)
    _ = converted.body.variables()
    _ = parseExpression(bytes, fileName: "fuzz.tfvars")
    _ = parseTemplate(bytes, fileName: "fuzz.tpl")
    return 0
}
