extension Expression {
    /// Every traversal the expression refers to, in source order, including those inside
    /// templates, function arguments, `for` expressions and splats.
    ///
    /// Names bound by a `for` expression or template `for` directive are excluded inside it;
    /// `.splatElement` is not a variable. For `x[var.i]` both `x` and `var.i` are listed.
    public func variables() -> [Traversal] {
        []
    }
}
