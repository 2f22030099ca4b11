/// A template: a quoted string with interpolations or directives, a heredoc, or a JSON string.
///
/// Strip markers (`~`) are already applied: the adjacent literal parts have lost their whitespace.
/// An indented heredoc (`<<-`) has already lost its common leading spaces.
public struct Template: Hashable, Sendable {
    /// How the template was written.
    public enum Style: Hashable, Sendable {
        /// A quoted string `"..."`.
        case quoted
        /// A heredoc `<<EOF` (`indented` for `<<-EOF`).
        case heredoc(delimiter: String, indented: Bool)
        /// A string value in the JSON syntax.
        case json
    }

    /// The parts in order.
    public var parts: [TemplatePart]
    /// How the template was written.
    public var style: Style

    /// Creates a template.
    public init(parts: [TemplatePart], style: Style) {
        self.parts = parts
        self.style = style
    }

    /// True when the template is exactly one interpolation, e.g. `"${var.x}"`: its value is the
    /// interpolated value itself, not converted to a string.
    public var isSingleInterpolation: Bool {
        if parts.count == 1, case .interpolation = parts[0] { return true }
        return false
    }
}

/// A piece of a template.
public enum TemplatePart: Hashable, Sendable {
    /// Literal text, with escapes decoded; the range is its span in the source.
    case literal(String, SourceRange)
    /// `${ expression }`; the range covers `${` through `}`.
    case interpolation(Expression, SourceRange)
    /// `%{ if cond }...%{ else }...%{ endif }`.
    indirect case ifDirective(TemplateIf)
    /// `%{ for k, v in coll }...%{ endfor }`.
    indirect case forDirective(TemplateFor)
}

/// A template `if` directive.
public struct TemplateIf: Hashable, Sendable {
    /// The condition.
    public var condition: Expression
    /// The parts used when the condition is true.
    public var trueParts: [TemplatePart]
    /// The parts used when the condition is false (empty without `%{ else }`).
    public var falseParts: [TemplatePart]
    /// The span from `%{ if` to the end of `%{ endif }`.
    public var range: SourceRange

    /// Creates an `if` directive.
    public init(condition: Expression, trueParts: [TemplatePart], falseParts: [TemplatePart], range: SourceRange) {
        self.condition = condition
        self.trueParts = trueParts
        self.falseParts = falseParts
        self.range = range
    }
}

/// A template `for` directive.
public struct TemplateFor: Hashable, Sendable {
    /// The key (or index) iterator name, if two names were given.
    public var keyVariable: String?
    /// The value iterator name.
    public var valueVariable: String
    /// The collection iterated over.
    public var collection: Expression
    /// The parts repeated for each element.
    public var body: [TemplatePart]
    /// The span from `%{ for` to the end of `%{ endfor }`.
    public var range: SourceRange

    /// Creates a `for` directive.
    public init(keyVariable: String?, valueVariable: String, collection: Expression, body: [TemplatePart], range: SourceRange) {
        self.keyVariable = keyVariable
        self.valueVariable = valueVariable
        self.collection = collection
        self.body = body
        self.range = range
    }
}
