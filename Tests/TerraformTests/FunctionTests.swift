import HCL
import Testing
@testable import Terraform

@Suite struct FunctionTests {
    @Test(arguments: [
        ("merge({a = 1, b = 2}, {b = 3}, null)", ["a": 1, "b": 3] as Value),
        ("concat([1], [], [2, 3])", [1, 2, 3]),
        ("lookup({a = \"x\"}, \"a\")", "x"),
        ("lookup({a = \"x\"}, \"b\", \"d\")", "d"),
        ("element([\"a\", \"b\"], 3)", "b"),
        ("length(\"héllo\")", 5),
        ("length({a = 1, b = 2})", 2),
        ("keys({b = 1, a = 2})", ["a", "b"]),
        ("values({b = 1, a = 2})", [2, 1]),
        ("contains([\"a\", \"b\"], \"b\")", true),
        ("contains([1], 2)", false),
        ("coalesce(null, \"\", \"x\")", "x"),
        ("coalescelist([], [1])", [1]),
        ("compact([\"a\", \"\", null, \"b\"])", ["a", "b"]),
        ("distinct([1, 2, 1, 3, 2])", [1, 2, 3]),
        ("flatten([[1, [2]], 3, []])", [1, 2, 3]),
        ("zipmap([\"a\", \"b\"], [1, 2])", ["a": 1, "b": 2]),
        ("format(\"%s-%03d-%.2f-%t-%q\", \"x\", 7, 3.14159, true, \"y\")", "x-007-3.14-true-\"y\""),
        ("formatlist(\"%s=%s\", [\"a\", \"b\"], \"v\")", ["a=v", "b=v"]),
        ("join(\",\", [\"a\", \"b\"], [\"c\"])", "a,b,c"),
        ("split(\",\", \"a,,b\")", ["a", "", "b"]),
        ("replace(\"hello world\", \"o\", \"0\")", "hell0 w0rld"),
        ("replace(\"a1b22\", \"/([0-9]+)/\", \"<$1>\")", "a<1>b<22>"),
        ("lower(\"AbC\")", "abc"),
        ("upper(\"AbC\")", "ABC"),
        ("title(\"hello big-world\")", "Hello Big-World"),
        ("trim(\"?!hi!?\", \"!?\")", "hi"),
        ("trimspace(\"  hi \\n\")", "hi"),
        ("trimprefix(\"arn:aws\", \"arn:\")", "aws"),
        ("trimsuffix(\"file.tf\", \".tf\")", "file"),
        ("substr(\"hello\", 1, 3)", "ell"),
        ("substr(\"hello\", -3, -1)", "llo"),
        ("startswith(\"arn:aws\", \"arn:\")", true),
        ("endswith(\"arn:aws\", \"gcp\")", false),
        ("regex(\"[a-z]+\", \"123abc456\")", "abc"),
        ("regex(\"(\\\\d+)-(\\\\d+)\", \"10-20\")", ["10", "20"]),
        ("regex(\"(?P<x>\\\\d+)\", \"a42\")", ["x": "42"]),
        ("regexall(\"\\\\d\", \"a1b2\")", ["1", "2"]),
        ("tostring(5)", "5"),
        ("tonumber(\"2.5\")", 2.5),
        ("tobool(\"true\")", true),
        ("tolist(toset([\"b\", \"a\", \"b\"]))", ["a", "b"]),
        ("toset([\"a\", \"a\"])", .set(["a"])),
        ("tomap({a = 1})", ["a": 1]),
        ("try(local.missing, \"fallback\")", "fallback"),
        ("can(regex(\"^x\", \"y\"))", false),
        ("can(1 + 1)", true),
        ("jsonencode({b = [1, true, null], a = \"<x>\"})", "{\"a\":\"\\u003cx\\u003e\",\"b\":[1,true,null]}"),
        ("base64encode(\"hi\")", "aGk="),
        ("base64decode(\"aGk=\")", "hi"),
        ("min(3, 1, 2)", 1),
        ("max(3, 1, 2)", 3),
        ("abs(-2)", 2),
        ("ceil(1.2)", 2),
        ("floor(1.8)", 1),
        ("range(3)", [0, 1, 2]),
        ("range(1, 7, 2)", [1, 3, 5]),
        ("range(3, 0)", [3, 2, 1]),
        ("slice([1, 2, 3, 4], 1, 3)", [2, 3]),
        ("one([])", .null),
        ("one([\"x\"])", "x"),
        ("sum([1, 2, 3.5])", 6.5),
        ("alltrue([true, true])", true),
        ("anytrue([false, true])", true),
        ("cidrsubnet(\"10.0.0.0/16\", 8, 2)", "10.0.2.0/24"),
        ("cidrsubnet(\"172.16.0.0/12\", 4, 15)", "172.31.0.0/16"),
        ("cidrhost(\"10.0.1.0/24\", 5)", "10.0.1.5"),
        ("basename(\"a/b/c.txt\")", "c.txt"),
        ("dirname(\"a/b/c.txt\")", "a/b"),
        ("reverse([1, 2])", [2, 1]),
        ("setunion([\"a\"], [\"b\", \"a\"])", .set(["a", "b"])),
    ] as [(String, Value)])
    func knownResults(expression: String, expected: Value) {
        let result = evaluate(expression)
        #expect(result.value == expected)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func jsondecodeReadsNestedJSON() {
        #expect(value(#"jsondecode("{\"a\": [1, \"x\", null, false]}")"#) == ["a": [1, "x", .null, false]])
    }

    @Test func yamldecodeReadsBlockAndFlowCollections() {
        let files = ["main.tf": "", "conf.yaml": """
            # settings
            name: api
            ports: [80, 443]
            env:
              DEBUG: "false"
              level: 3
            items:
              - a
              - key: v
                other: ~
            script: |
              line one
              line two
            folded: >
              a
              b
            inline: {x: 1, y: [true, 'q']}
            """]
        #expect(value("yamldecode(file(\"conf.yaml\"))", files: files) == [
            "name": "api", "ports": [80, 443], "env": ["DEBUG": "false", "level": 3],
            "items": ["a", ["key": "v", "other": .null]], "script": "line one\nline two\n", "folded": "a b\n",
            "inline": ["x": 1, "y": [true, "q"]],
        ])
    }

    @Test func yamldecodeRejectsAnchors() {
        let result = evaluate(#"yamldecode("a: &x 1")"#)
        #expect(result.value == .unknown([]))
        #expect(result.diagnostics.map(\.detail) == ["yamldecode: anchors and aliases are not supported (line 1)."])
    }

    @Test func unknownArgumentsGiveUnknownResults() {
        #expect(value("upper(aws_s3_bucket.b.id)") == .unknown(["aws_s3_bucket.b.id"]))
        #expect(value("join(\",\", [var.missing_default, aws_iam_role.r.arn])", files: ["main.tf": "variable \"missing_default\" {}"])
            == .unknown(["aws_iam_role.r.arn", "var.missing_default"]))
        #expect(value("length([aws_s3_bucket.a.id, aws_s3_bucket.b.id])") == 2)
        #expect(value("keys({a = aws_s3_bucket.a.id})") == ["a"])
        #expect(value("try(aws_s3_bucket.a.id, \"x\")") == .unknown(["aws_s3_bucket.a.id"]))
        #expect(value("can(aws_s3_bucket.a.id)") == .unknown(["aws_s3_bucket.a.id"]))
        #expect(value("sha256(\"x\")") == .unknown(["sha256(...)"]))
    }

    @Test func functionErrorsAreDiagnostics() {
        let result = evaluate("element([], 0)")
        #expect(result.value == .unknown([]))
        #expect(result.diagnostics.map(\.description) == ["expr.tf:1:1: error: Invalid function argument; element cannot take an element of an empty list."])
        #expect(result.diagnostics.first?.subject == SourceRange(1, 1, 0, 1, 15, 14))
    }

    @Test func fileAndTemplatefileReadThroughTheSource() {
        let files = [
            "modules/app/main.tf": "",
            "modules/app/policy.json.tpl": "{\"Resource\": \"${arn}\"%{ for n in names }, \"${n}\"%{ endfor }}",
            "shared/readme.txt": "hello",
        ]
        let module = ModuleLoader(source: InMemoryFileSource(files), cache: ParsedFileCache()).loadModule(at: "modules/app")
        func run(_ text: String) -> (Value, [String]) {
            let result = module.evaluate(parseExpression(Array(text.utf8), fileName: "x.tf").expression, file: "x.tf")
            return (result.value, result.diagnostics.map(\.detail))
        }
        #expect(run("templatefile(\"${path.module}/policy.json.tpl\", { arn = \"a:b\", names = [\"x\", \"y\"] })").0 == "{\"Resource\": \"a:b\", \"x\", \"y\"}")
        #expect(run("file(\"../../shared/readme.txt\")").0 == "hello")
        #expect(run("fileexists(\"nope.txt\")").0 == false)
        let escape = run("file(\"../../../etc/passwd\")")
        #expect(escape.0 == .unknown(["file(\"../../../etc/passwd\")"]))
        #expect(escape.1 == ["file(\"../../../etc/passwd\") leaves the repository; only files inside it can be read, so the value is unknown. Use a path relative to path.module."])
        #expect(run("file(\"/etc/passwd\")").0 == .unknown(["file(\"/etc/passwd\")"]))
    }
}
