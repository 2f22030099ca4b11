import Foundation
import Testing
@testable import Python

@Suite("Comparison with CPython's ast module")
struct CPythonComparisonTests {
    @Test func corpusHasAtLeastEightHandlers() throws {
        let files = TreeDump.corpusFiles
        #expect(files.count >= 8)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            #expect((50...201).contains(lines), "\(file.lastPathComponent) has \(lines) lines")
        }
    }

    @Test(.enabled(if: TreeDump.python3 != nil, "python3 is not installed, so CPython's ast cannot be compared"),
          arguments: TreeDump.corpusFiles.map(\.lastPathComponent))
    func nodeKindsAndStartsMatchCPython(_ name: String) throws {
        let url = TreeDump.corpusDirectory.appendingPathComponent(name)
        let bytes = Array(try Data(contentsOf: url))
        let file = SourceFile(bytes: bytes)
        #expect(file.diagnostics == [])
        let ours = TreeDump.lines(file)
        let theirs = try TreeDump.cpythonLines(file: url)
        #expect(theirs.count > 100)
        if ours != theirs {
            let firstDifference = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
            let index = firstDifference?.offset ?? min(ours.count, theirs.count)
            let context = { (lines: [String]) in lines[max(0, index - 3)..<min(lines.count, index + 3)].joined(separator: " | ") }
            Issue.record("\(name): first difference at node \(index): ours [\(context(ours))] CPython [\(context(theirs))]")
        }
    }
}

/// Small programs, one or a few constructs each, compared with CPython like the corpus.
enum ComparisonSnippets {
    static let all: [String] = [
        "x = 1\ny: int\nz: 'list[int]' = []\n(w): int = 3\na.b: str = 'q'\n",
        "a = b = c = 1, 2\na, *b = c\n[a, (b, c)] = d\nx[1:2, ::3] = y\n",
        "x += 1\ny.z //= 2\nw[0] **= 3\nv @= m\nu >>= 1\n",
        "del a, b.c, d[0], (e, f)\nassert x, 'message'\nassert y\n",
        "raise\nraise E\nraise E('x') from err\nraise E from None\n",
        "import a.b.c as d, e\nfrom . import x\nfrom ..pkg.mod import (a as b, c,)\nfrom ... import y\nfrom m import *\n",
        "def f():\n    global g, h\n    def i():\n        nonlocal j\n        return\n    return i\n",
        "def f(a, /, b, c=1, *args, d, e=2, **kwargs) -> int:\n    return a\n",
        "def g(*, a, b=1): pass\ndef h(a=1, /, b=2): pass\ndef k(*args: int, **kw: str): ...\n",
        "lambda: 0\nlambda x, y=1, *a, z, **k: x + y\nf = lambda *, k: k\n",
        "@decorator\n@module.attr(arg, key=1)\n@(lambda f: f)\ndef f(): pass\n",
        "@dataclass(frozen=True)\nclass C(Base, metaclass=M, **kw):\n    x: int = 0\n    def m(self): return self.x\n",
        "async def f():\n    await g()\n    async for x in y:\n        pass\n    async with a as b, c:\n        pass\n    return [i async for i in aiter() if await i]\n",
        "if a:\n    pass\nelif b:\n    pass\nelif c:\n    x = 1\nelse:\n    y = 2\n",
        "while x < 10:\n    x += 1\n    if x == 5: break\n    continue\nelse:\n    done()\n",
        "for i, (j, k) in enumerate(z):\n    pass\nelse:\n    pass\nfor *a, b in c: pass\n",
        "try:\n    pass\nexcept ValueError as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    raise\nelse:\n    ok()\nfinally:\n    cleanup()\n",
        "try:\n    pass\nexcept* A as g:\n    pass\nexcept* (B, C):\n    pass\n",
        "with open(p) as f, lock:\n    pass\nwith (a as b, c as d,):\n    pass\nwith (a, b):\n    pass\nwith (yield):\n    pass\nwith (a, b) as c:\n    pass\n",
        "x = a if b else c if d else e\ny = not a and b or c and not d\nz = a < b <= c != d is not e in f not in g is h\n",
        "x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o\ny = -x ** 2\nz = (a + b) * c\n",
        "x = (y := 10)\nif (n := len(a)) > 10: pass\nprint(f(x := 1))\n[y := 1, y ** 2]\n",
        "a = [x for x in y]\nb = {x for x in y if x if not x}\nc = {k: v for k, v in d.items()}\nd = (x for x in y for z in x)\ne = sum(x for x in y)\n",
        "f(a, *b, c=1, *d, **e)\nf(**a, b=1)\nf(x)(y)[z].w\nf(a)(b)\n",
        "x[1]\nx[1:2]\nx[:]\nx[::2]\nx[a:b:c]\nx[1:2, 3]\nx[...]\nx[()]\nx[a, b]\nx[*a]\n",
        "x = 'a' 'b' \"c\"\ny = b'a' b'b'\nz = r'\\n' R\"x\" u'u'\nv = rb'r' Br'q'\nw = '''multi\nline''' \"\"\"x\"\"\"\n",
        "x = 0x_FF + 0o17 + 0b1010 + 1_000 + 1.5e-3 + .5 + 5. + 3j + 1_0.0_1J\n",
        "x = f'{a}' f'{b!s:>10}' 'c' f\"{d:{e}.{f}}\"\ny = f'{x=}' f'{x = !r}' f'{{lit}}' f'{a[\"k\"]}'\n",
        "x = (1,)\ny = ()\nz = 1,\nw = [1, 2,]\nv = {}\nu = {'a': 1, **b}\nt = {**a}\ns = {1}\n",
        "def g():\n    x = yield\n    y = yield 1, 2\n    z = yield from h()\n    await_ = (yield)\n",
        "x = [\n    1,\n    2,\n]\ny = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
        "match x:\n    case 1 | 2:\n        pass\n    case -1:\n        pass\n    case 1 + 2j:\n        pass\n    case 'a' 'b':\n        pass\n    case None:\n        pass\n",
        "match p:\n    case Point(x=0, y=0):\n        pass\n    case Point(1, y) if y > 0:\n        pass\n    case [a, *rest]:\n        pass\n    case (a, b, *_):\n        pass\n    case {'k': v, **kw}:\n        pass\n    case a.b.c:\n        pass\n    case x as y:\n        pass\n    case _:\n        pass\n",
        "match a, b:\n    case (1, 2) | [3, 4]:\n        pass\n    case ():\n        pass\n    case []:\n        pass\n    case {}:\n        pass\n    case str() | bytes():\n        pass\n",
        "match = 1\nmatch.x = 2\nmatch(x)\ncase = 3\n_ = 4\ntype = 5\nprint(match, case)\n",
        "class A:\n    '''doc'''\n    def __init__(self, *args, **kwargs):\n        super().__init__(*args, **kwargs)\n",
        "x = a.b.c(d)[e](f).g\ny = (a).b\nz = (a)(b)\nw = (a + b).c\n",
        "x = not a\ny = -a + +b - ~c\nz = a if not b else c\nprint(*args, sep='')\n",
        "if x:\n\tpass\n\tif y:\n\t\tpass\n",
        "x = {'a': [1, {'b': (2, 3)}], 'c': {4, 5}, 'd': lambda: (yield)}\n",
        "def f(a: 'int' = 1, *args: 'str', b: list[int] = [], **kw: dict) -> tuple[int, ...]:\n    ...\n",
    ]
}

@Suite("Snippets compared with CPython's ast module")
struct SnippetComparisonTests {
    @Test(.enabled(if: TreeDump.python3 != nil, "python3 is not installed, so CPython's ast cannot be compared"),
          arguments: (ComparisonSnippets.all + ComparisonSnippets.more).indices)
    func snippetMatchesCPython(_ index: Int) throws {
        let source = (ComparisonSnippets.all + ComparisonSnippets.more)[index]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stackreview-snippet-\(index).py")
        try source.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = SourceFile(text: source)
        #expect(file.diagnostics == [])
        let theirs = try TreeDump.cpythonLines(file: url)
        #expect(TreeDump.lines(file) == theirs, "snippet \(index): \(source)")
    }
}

extension ComparisonSnippets {
    /// Layout, comments, nesting and rarer forms.
    static let more: [String] = [
        "a = 1; b = 2;\nif x: a; b\nclass A: pass\nwhile 0: pass\n",
        "def f():\n    # comment at odd indent\n  # another\n\n    x = 1  # trailing\n        \n    return x\n",
        "for x in y:\n    pass\n# comment between\nelse:\n    pass\n",
        "s = 'abc\\\ndef'\nt = (  # comment\n    1)\n",
        "async def f():\n    return f'{await g()!r}', [x async for x in h() if await x], {k: v async for k, v in m}\n",
        "def f():\n    return *a, b\nfor x in *a, b: pass\n",
        "x = [y for y in z if (w := y)]\nf = lambda x=lambda: 1: x\ng = (lambda: 1) if a else (lambda: 2)\n",
        "def f(): ...\nclass C: ...\n",
        "del (a), [b]\ndel (c, d)\ndel e,\n",
        "x = a[b][c](d)(e).f.g[h:i]\nx = a.b[c].d(e=f, *g)\n",
        "print(-1, +2, ~3, not 4, -x.y, -x[0], -x(), - - 1)\n",
        "if a:\n    pass\nelif b:\n    if c:\n        pass\n    else:\n        pass\nelse:\n    pass\n",
        "try:\n    pass\nfinally:\n    pass\ntry:\n    pass\nexcept E:\n    pass\nelse:\n    pass\n",
        "with a as (b, c), d as [e, f], g as h.i, j as k[0]:\n    pass\n",
        "x = {1: 2, **a, 3: 4, **b}\ny = {*a, *b, 1}\nz = [*a, *b]\n",
        "x = 1 if y else 2 if z else 3\nw = (yield) if a else b\n",
        "match x:\n    case {1: a, 'b': c, d.e: f}:\n        pass\n    case [1, 2, *_] | (3, 4):\n        pass\n    case -1.5 | 2 - 3j | b'x':\n        pass\n    case Cls():\n        pass\n    case Cls(a, b, c=d, e=f):\n        pass\n    case (a):\n        pass\n    case (a as b) | c:\n        pass\n",
        "match x, y:\n    case 1, 2: pass\n    case *a, b: pass\nmatch *x, y:\n    case _: pass\n",
        "@property\ndef f(self): pass\n@a.b.c\n@d[0]\nclass C: pass\n",
        "x = f'{a!r}' f'{b!s}' f'{c!a}' f'{d:>{e}}' f'{f:{g}.{h}f}' f'{{}}' f'{i}{j}' f''\n",
        "x = f'a' 'b' f'{c}' 'd'\ny = 'a' f'{b}'\nz = f'''{\n    a\n}'''\n",
        "global x\nx: int\nprint(x, end='')\nassert (x, y)\nraise E() from (f)\n",
        "if True:\n    def f(a,\n          b):\n        return [\n            a,\n        b]\n",
        "x = ('implicit'\n     'concat'\n     f'{y}')\n",
    ]
}
