import HCL
import Terraform

/// The syntax of a subject's block: the parsed file it is written in and the block itself,
/// for checks that read how something is written rather than what it evaluates to.
struct BlockSyntax {
    /// The parsed file.
    var file: ParsedFile
    /// The subject's top-level block (for a local value, its `locals` block).
    var block: Block
    /// What the subject wrote: its block's body, or for a local value a body holding only the
    /// local's attribute.
    var body: Body
    /// `expressions`, once collected: shared by the copies of this syntax that the checks of
    /// one subject are given.
    private let collected = CollectedExpressions()

    /// The syntax of `subject`'s block, or nil when its file is not loaded.
    ///
    /// The parameters are borrowed: an initializer otherwise takes its own copy of the whole
    /// context (every table in it retained and released), and checks build this per subject.
    init?(of subject: borrowing Subject, in context: borrowing CheckContext) {
        guard let file = context.parsedFiles[subject.file] else { return nil }
        if subject.kind == .local {
            guard let block = Self.block(containing: subject.range, in: file.body),
                  let attribute = block.body.attributes.first(where: { $0.range == subject.range }) else { return nil }
            self.block = block
            self.body = Body(attributes: [attribute], range: attribute.range)
        } else {
            guard let block = Self.block(at: subject.range, in: file.body) else { return nil }
            self.block = block
            self.body = block.body
        }
        self.file = file
    }

    /// The top-level block of `body` whose range is `range`. The blocks of a body are in source
    /// order, so a binary search finds it (a scan per subject is quadratic in a file of 100,000
    /// blocks).
    static func block(at range: SourceRange, in body: Body) -> Block? {
        let blocks = body.blocks
        var low = 0, high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].range.start.byte < range.start.byte { low = middle + 1 } else { high = middle }
        }
        if low < blocks.count, blocks[low].range == range { return blocks[low] }
        return blocks.first { $0.range == range }
    }

    /// The top-level block of `body` whose range holds `range` (the `locals` block of a local).
    static func block(containing range: SourceRange, in body: Body) -> Block? {
        let blocks = body.blocks
        var low = 0, high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].range.start.byte <= range.start.byte { low = middle + 1 } else { high = middle }
        }
        guard low > 0, blocks[low - 1].range.end.byte >= range.end.byte else { return nil }
        return blocks[low - 1]
    }

    /// The source text of `range`.
    func text(_ range: SourceRange) -> String { range.text(in: file.source) }

    /// Every expression of the block, nested blocks and sub-expressions included, in source
    /// order, each with the dotted path of the attribute it is written in.
    var expressions: [(expression: Expression, path: String)] {
        if let known = collected.expressions { return known }
        var found: [(Expression, String)] = []
        Self.collect(body, path: [], into: &found)
        collected.expressions = found
        return found
    }

    /// The expressions of one block, collected on first use (a `BlockSyntax` is used by one
    /// thread at a time: it is built for one subject and dropped after it).
    private final class CollectedExpressions {
        var expressions: [(expression: Expression, path: String)]?
    }

    private static func collect(_ body: Body, path: [String], into found: inout [(Expression, String)]) {
        for attribute in body.attributes {
            let attributePath = (path + [attribute.name]).joined(separator: ".")
            var pending = [attribute.expression]
            while let expression = pending.popLast() {
                found.append((expression, attributePath))
                pending.append(contentsOf: subexpressions(of: expression).reversed())
            }
        }
        for block in body.blocks {
            collect(block.body, path: path + [block.type], into: &found)
        }
    }

    /// The expressions written directly inside `expression`, in source order.
    static func subexpressions(of expression: Expression) -> [Expression] {
        // Leaves are told by their shape (a traversal's kind would build its steps).
        switch expression.shape {
        case .literal, .scopeTraversal, .splatElement, .invalid: return []
        default: break
        }
        switch expression.kind {
        case .literal, .scopeTraversal, .splatElement, .invalid: return []
        case .template(let template): return subexpressions(of: template.parts)
        case .relativeTraversal(let source, _): return [source]
        case .functionCall(let call): return call.arguments
        case .tuple(let elements): return elements
        case .object(let items): return items.flatMap { [$0.key, $0.value] }
        case .index(let collection, let key, _): return [collection, key]
        case .splat(let splat): return [splat.source, splat.each]
        case .forExpression(let loop):
            return [loop.collection] + [loop.keyExpression, loop.valueExpression, loop.condition].compactMap { $0 }
        case .conditional(let condition, let whenTrue, let whenFalse): return [condition, whenTrue, whenFalse]
        case .unary(_, let operand): return [operand]
        case .binary(_, let left, let right): return [left, right]
        case .parenthesized(let inner): return [inner]
        }
    }

    private static func subexpressions(of parts: [TemplatePart]) -> [Expression] {
        parts.flatMap { part -> [Expression] in
            switch part {
            case .literal: return []
            case .interpolation(let inner, _): return [inner]
            case .ifDirective(let directive):
                return [directive.condition] + subexpressions(of: directive.trueParts) + subexpressions(of: directive.falseParts)
            case .forDirective(let directive): return [directive.collection] + subexpressions(of: directive.body)
            }
        }
    }
}

extension Subject {
    /// True unless another subject of the same block (another `count` or `for_each` instance)
    /// has a smaller address: checks about how a block is written report it once.
    func isFirstInstance(in context: CheckContext) -> Bool {
        context.firstInstances.contains(address)
    }

    /// True when this subject is the first block, in file then source order, of the module
    /// folder that holds it: where a finding about the module as a whole is reported.
    /// Instances of one module (`count`, `for_each`) share its files, so the finding lands
    /// once, on the first instance.
    func isFirstBlockOfModule(in context: CheckContext) -> Bool {
        context.firstBlocksOfModules.contains(address)
    }
}
