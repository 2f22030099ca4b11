import Testing
@testable import HCL

@Suite struct TemplateTests {
    @Test func interpolationPartsHaveRanges() {
        let (expression, diagnostics) = expr("\"a${b}c\"")
        #expect(diagnostics == [])
        let b = Expression(.scopeTraversal(Traversal(root: "b", rootRange: SourceRange(1, 9, 8, 1, 10, 9), steps: [])), range: SourceRange(1, 9, 8, 1, 10, 9))
        #expect(expression == Expression(.template(Template(parts: [
            .literal("a", SourceRange(1, 6, 5, 1, 7, 6)),
            .interpolation(b, SourceRange(1, 7, 6, 1, 11, 10)),
            .literal("c", SourceRange(1, 11, 10, 1, 12, 11)),
        ], style: .quoted)), range: SourceRange(1, 5, 4, 1, 13, 12)))
    }

    @Test func singleInterpolationIsMarked() throws {
        let (expression, _) = expr("\"${var.x}\"")
        guard case .template(let template) = expression.kind else { Issue.record("not a template"); return }
        #expect(template.isSingleInterpolation)
        #expect(expression.staticString == nil)
    }

    @Test(arguments: [
        ("\"%{if a}x%{else}y%{endif}\"", "(template %{if a}'x'%{else}'y'%{endif})"),
        ("\"%{ if a }x%{ endif }\"", "(template %{if a}'x'%{endif})"),
        ("\"%{for k, v in m}${k}=${v},%{endfor}\"", "(template %{for k,v in m}${k}'='${v}','%{endfor})"),
        ("\"%{for s in xs}%{if s != \"\"}[${s}]%{endif}%{endfor}\"", "(template %{for s in xs}%{if (!= s \"\")}'['${s}']'%{endif}%{endfor})"),
        ("\"a  ${~ b ~}  c\"", "(template 'a' ${b} 'c')"),
        ("\"a  ${ b ~}  c\"", "(template 'a  ' ${b} 'c')"),
        ("\"a  %{~ if x }y%{ endif ~}  c\"", "(template 'a' %{if x}'y'%{endif} 'c')"),
        ("\"${\"inner ${x}\"}\"", "(template ${(template 'inner ' ${x})})"),
        ("\"${a ? \"y\" : \"n\"}\"", "(template ${(? a \"y\" \"n\")})"),
        ("\"$${a} %%{b} $ % $x %x\"", "\"${a} %{b} $ % $x %x\""),
        ("\"\"", "\"\""),
    ])
    func quotedTemplates(text: String, expected: String) {
        #expect(shape(text) == expected)
    }

    @Test func heredocIsATemplateWithRanges() {
        let result = parse("x = <<EOT\nhello\n  ${name}\nEOT\ny = 1\n", fileName: "main.tf")
        #expect(result.diagnostics == [])
        let x = result.body.attributes[0].expression
        #expect(dump(x) == "(template 'hello\n  ' ${name} '\n')")
        #expect(x.range == SourceRange(1, 5, 4, 4, 4, 29))
        guard case .template(let template) = x.kind else { Issue.record("not a template"); return }
        #expect(template.style == .heredoc(delimiter: "EOT", indented: false))
        #expect(template.parts[1] == .interpolation(
            Expression(.scopeTraversal(Traversal(root: "name", rootRange: SourceRange(3, 5, 20, 3, 9, 24), steps: [])), range: SourceRange(3, 5, 20, 3, 9, 24)),
            SourceRange(3, 3, 18, 3, 10, 25)))
        #expect(result.body.attributes[1].nameRange == SourceRange(5, 1, 30, 5, 2, 31))
    }

    @Test func heredocKeepsIndentationAndEndsOnlyAtMarkerLine() {
        let result = parse("x = <<EOT\n    Foo\n      Bar\n    NOT EOT\n  EOT\n", fileName: "main.tf")
        #expect(result.diagnostics == [])
        #expect(result.body.attributes[0].expression.staticString == "    Foo\n      Bar\n    NOT EOT\n")
    }

    @Test(arguments: [
        ("x = <<-EOT\n    Foo\n      Bar\n    Baz\n  EOT\n", "Foo\n  Bar\nBaz\n"),
        ("x = <<-EOT\n    Foo\n  Bar\n    Baz\n  EOT\n", "  Foo\nBar\n  Baz\n"),
        ("x = <<-EOT\n    Foo\n\n    Bar\n  EOT\n", "Foo\n\nBar\n"),
        ("x = <<-EOT\nFoo\nEOT\n", "Foo\n"),
        ("x = <<-EOT\n\tFoo\n\t Bar\n\tEOT\n", "Foo\n Bar\n"),
        ("x = <<EOT\r\nFoo\r\nEOT\r\n", "Foo\r\n"),
        ("x = <<EOT\n$${a} %%{b}\nEOT\n", "${a} %{b}\n"),
        ("x = <<EOT\nEOT\n", ""),
    ])
    func heredocText(text: String, expected: String) {
        let result = parse(text, fileName: "main.tf")
        #expect(result.diagnostics == [])
        #expect(result.body.attributes.first?.expression.staticString == expected)
    }

    @Test func indentedHeredocWithInterpolations() {
        let result = parse("x = <<-EOT\n    Foo\n  ${b}\n    Baz\n  EOT\n", fileName: "main.tf")
        #expect(result.diagnostics == [])
        #expect(dump(result.body.attributes[0].expression) == "(template '  Foo\n' ${b} '\n  Baz\n')")
    }

    @Test func heredocDirectivesWithStripMarkers() {
        let text = "x = <<EOT\n%{ for a in xs ~}\n${a},\n%{~ endfor }\nEOT\n"
        let result = parse(text, fileName: "main.tf")
        #expect(result.diagnostics == [])
        #expect(dump(result.body.attributes[0].expression) == "(template %{for a in xs}${a}','%{endfor} '\n')")
        guard case .template(let template) = result.body.attributes[0].expression.kind, case .forDirective(let loop) = template.parts[0] else {
            Issue.record("no for directive")
            return
        }
        #expect(loop.range == SourceRange(2, 1, 10, 4, 13, 46))
    }

    @Test func standaloneTemplate() {
        let result = parseTemplate(Array("Hello, ${name}!".utf8), fileName: "greeting.tpl")
        #expect(result.diagnostics == [])
        #expect(dump(result.expression) == "(template 'Hello, ' ${name} '!')")
        #expect(result.expression.range == SourceRange(1, 1, 0, 1, 16, 15))
    }
}
