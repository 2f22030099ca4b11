import Testing
@testable import HCL

@Test func scratch() {
    for s in ["1 + 2 * 3", "a.b[0].c", "f(1, [2,3]...)", "provider::aws::arn_parse(x)", "\"a${b}c\"", "\"plain\"", "a[*].b.c", "a.*.b[0]", "[for k, v in m : v if k != \"a\"]", "{for k, v in m : k => v... if v}", "a ? b : c", "!a && -b || c == d", "x.0.1", "{ a = 1, \"b\": 2\n (c) = 3 }", "\"%{if a}x%{else}y%{endif}\"", "\"${~ a ~}  b\"", "-1", "a[var.i]", "\"unterminated", "[1, @]"] {
        print(s, " ==> ", shape(s))
    }
    let r = parse("resource \"a\" b {\n  x = <<-EOF\n    hi\n      there ${v}\n    EOF\n  y {}\n}\n# c\n", fileName: "t")
    print(dump(r.body), r.diagnostics, r.comments)
}
