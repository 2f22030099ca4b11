import Python

/// Calls bandit flags, one registration per kind (the rule files name them):
/// - `handler-eval`: `eval`/`exec` (B307, B102);
/// - `handler-subprocess-shell`: any call with `shell=True`, `os.system`, `os.popen` (B602, B604, B605);
/// - `handler-yaml-load`: `yaml.load` without a safe `Loader`, `yaml.unsafe_load` (B506);
/// - `handler-pickle`: `pickle`/`cPickle`/`dill` `load(s)`, `shelve.open` (B301);
/// - `handler-tls-verify`: `requests`/`httpx` calls with `verify=False` (B501);
/// - `handler-request-timeout`: `requests` calls without `timeout` or with `timeout=None` (B113);
/// - `handler-mktemp`: `tempfile.mktemp` (B306);
/// - `handler-weak-hash`: `hashlib.md5`/`sha1` (or `hashlib.new("md5")`) without
///   `usedforsecurity=False` (B303, B324);
/// - `handler-assert`: `assert` statements, removed under `python -O` (B101).
///
/// Each finding's attribute path is the call's name, numbered from its second occurrence in
/// the subject (`yaml.load`, `yaml.load.2`).
struct HandlerRiskyCallCheck: HandlerCheck {
    enum Kind: Sendable { case eval, shell, yamlLoad, pickle, tlsVerify, timeout, mktemp, weakHash, assert }

    let name: String
    let kind: Kind

    static let eval = HandlerRiskyCallCheck(name: "handler-eval", kind: .eval)
    static let shell = HandlerRiskyCallCheck(name: "handler-subprocess-shell", kind: .shell)
    static let yamlLoad = HandlerRiskyCallCheck(name: "handler-yaml-load", kind: .yamlLoad)
    static let pickle = HandlerRiskyCallCheck(name: "handler-pickle", kind: .pickle)
    static let tlsVerify = HandlerRiskyCallCheck(name: "handler-tls-verify", kind: .tlsVerify)
    static let timeout = HandlerRiskyCallCheck(name: "handler-request-timeout", kind: .timeout)
    static let mktemp = HandlerRiskyCallCheck(name: "handler-mktemp", kind: .mktemp)
    static let weakHash = HandlerRiskyCallCheck(name: "handler-weak-hash", kind: .weakHash)
    static let assert = HandlerRiskyCallCheck(name: "handler-assert", kind: .assert)

    static let httpMethods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options", "request"]

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        var verdicts: [HandlerVerdict] = []
        var counts: [String: Int] = [:]
        func add(_ range: Python.SourceRange, _ label: String) {
            counts[label, default: 0] += 1
            let count = counts[label] ?? 1
            verdicts.append(HandlerVerdict(range: range, attributePath: count == 1 ? label : "\(label).\(count)", arguments: ["call": label]))
        }
        if kind == .assert {
            for statement in handler.walk.allStatements {
                if case .assert = statement.kind { add(statement.range, "assert") }
            }
            return verdicts
        }
        for call in handler.calls {
            guard let callee = call.name, let label = matches(call.site, callee) else { continue }
            add(call.site.range, label)
        }
        return verdicts
    }

    /// The label of `call` when it is one this check flags.
    ///
    /// A dotted name's parts are identifiers, never empty; they are looked at without splitting
    /// the name, as this runs for every call of every subject.
    func matches(_ call: CallSite, _ callee: String) -> String? {
        let firstDot = callee.utf8.firstIndex(of: UInt8(ascii: "."))
        let lastDot = callee.utf8.lastIndex(of: UInt8(ascii: "."))
        let first = firstDot.map { callee[..<$0] } ?? callee[...]
        let last = lastDot.map { callee[callee.utf8.index(after: $0)...] } ?? callee[...]
        switch kind {
        case .eval:
            return ["eval", "exec", "builtins.eval", "builtins.exec"].contains(callee) ? String(last) : nil
        case .shell:
            if ["os.system", "os.popen"].contains(callee) { return callee }
            return call.keyword("shell")?.booleanValue == true ? callee : nil
        case .yamlLoad:
            if callee == "yaml.unsafe_load" { return callee }
            guard callee == "yaml.load" else { return nil }
            let loader = call.keyword("Loader") ?? (call.args.count > 1 ? call.args[1] : nil)
            let safe = ["SafeLoader", "CSafeLoader", "BaseLoader"].contains(loader?.dottedName?.split(separator: ".").last.map(String.init) ?? "")
            return safe ? nil : callee
        case .pickle:
            guard ["pickle", "cPickle", "_pickle", "dill", "shelve", "jsonpickle"].contains(first) else { return nil }
            return ["load", "loads", "Unpickler", "open", "decode"].contains(last) ? callee : nil
        case .tlsVerify:
            guard ["requests", "httpx"].contains(first) else { return nil }
            return call.keyword("verify")?.booleanValue == false ? callee : nil
        case .timeout:
            guard firstDot != nil, firstDot == lastDot, first == "requests", Self.httpMethods.contains(String(last)) else { return nil }
            guard let timeout = call.keyword("timeout") else { return call.keywords.contains { $0.name == nil } ? nil : callee }
            if case .constant(.none) = timeout.kind { return callee }
            return nil
        case .mktemp:
            return callee == "tempfile.mktemp" ? callee : nil
        case .weakHash:
            if case .constant(.boolean(false))? = call.keyword("usedforsecurity")?.kind { return nil }
            if ["hashlib.md5", "hashlib.sha1"].contains(callee) { return callee }
            if callee == "hashlib.new", let algorithm = call.args.first?.stringValue?.lowercased(), ["md5", "sha1", "md4"].contains(algorithm) {
                return "hashlib.new(\"\(algorithm)\")"
            }
            return nil
        case .assert:
            return nil
        }
    }
}
