/// libFuzzer entry point: tokenizes and parses arbitrary bytes, then walks the tree and the
/// accessors, so any crash, hang or unbounded recursion in them shows up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let tokens = Tokenizer.tokenize(bytes)
    let file = SourceFile(bytes: bytes)
    var nodes = 0
    file.forEachNode { node in
        nodes += 1
        let range = node.range
        precondition(range.start.offset <= range.end.offset || node.kindName == "arguments",
                     "node \(node.kindName) ends before it starts: \(range)")
        precondition(range.end.offset <= size, "node \(node.kindName) ends past the input: \(range)")
    }
    for diagnostic in file.diagnostics {
        precondition(diagnostic.range.end.offset <= size, "diagnostic past the input: \(diagnostic)")
    }
    _ = file.topLevelFunctions.map(\.parameterNames)
    _ = file.calls.map(\.callee)
    _ = file.stringConstants.count
    return tokens.tokens.isEmpty || nodes < 0 ? 1 : 0
}
