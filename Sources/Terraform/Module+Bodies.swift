import HCL

extension Module {
    /// Evaluates any block body of this module's files (a `variable`, `output`, `provider` or
    /// `terraform` block) into an `EvaluatedBody`, so rules query every block the same way.
    ///
    /// Type constraints and other non-value expressions evaluate to unknown values; nested
    /// blocks are evaluated as they are (`dynamic` is not expanded outside resources).
    public func evaluatedBody(of body: Body, file: String) -> EvaluatedBody {
        evaluatedBody(of: body, file: file, evaluator: bodyEvaluator())
    }

    /// An evaluator in this module's context, as `evaluate(_:file:bindings:)` uses, for
    /// `evaluatedBody(of:file:evaluator:)`.
    package func bodyEvaluator() -> Evaluator {
        let evaluator = Evaluator(context: context)
        evaluator.addressPrefix = address.isEmpty ? "" : address + "."
        return evaluator
    }

    /// `evaluatedBody(of:file:)` with an evaluator from `bodyEvaluator()`, one for many bodies:
    /// what an expression evaluates to does not depend on what the evaluator evaluated before.
    package func evaluatedBody(of body: Body, file: String, evaluator: Evaluator) -> EvaluatedBody {
        var result = EvaluatedBody(range: body.range)
        for attribute in body.attributes {
            result.attributes.append(EvaluatedAttribute(name: attribute.name, value: evaluator.evaluate(attribute.expression, file: file), syntax: attribute))
        }
        for block in body.blocks {
            result.blocks.append(EvaluatedBlock(type: block.type, labels: block.labelValues, body: evaluatedBody(of: block.body, file: file, evaluator: evaluator), range: block.range))
        }
        return result
    }
}

extension ReferenceGraph {
    /// The graph node of an address: instance keys dropped (`module.a[0].aws_x.y["k"]` →
    /// `module.a.aws_x.y`).
    public static func staticNode(_ address: String) -> String { staticAddress(address) }
}

extension AttributeMatch {
    /// A match of `value` found at `range`.
    public init(_ value: Value, at range: SourceRange) {
        self.init(value: value, range: range)
    }
}

/// Repository-relative path arithmetic for other layers.
public enum RepositoryPaths {
    /// Joins `relative` onto `directory`, resolving `.` and `..`; nil when the result would
    /// leave the repository or `relative` is absolute.
    public static func resolve(_ relative: String, in directory: String) -> String? {
        RepositoryPath.resolve(relative, in: directory)
    }

    /// The folder part of a repository path (`""` at the top level).
    public static func directory(of path: String) -> String {
        RepositoryPath.directory(of: path)
    }
}
