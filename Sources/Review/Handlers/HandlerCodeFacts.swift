import Python

/// What the Terraform cross-checks need to know about a function's Python code: its
/// module-level functions, the environment variables it reads and the AWS SDK calls it makes.
struct HandlerCodeFacts: Sendable {
    /// One read of an environment variable.
    struct EnvironmentRead: Sendable, Hashable {
        var name: String
        var line: Int
        /// Whether the read has a fallback (`os.environ.get("X", "d")`, `os.getenv("X", "d")`).
        var hasDefault: Bool
    }

    /// One AWS SDK call whose service and method are known.
    struct SDKCall: Sendable, Hashable {
        var service: String
        var method: String
        var file: String
        var line: Int
    }

    /// Resource-style constructors (`dynamodb.Table("t")`): they make no call to AWS.
    static let resourceConstructors: Set<String> = ["Table", "Bucket", "Object"]

    /// The module-level function names.
    var functionNames: Set<String> = []
    /// The environment variables read by literal name.
    var environmentReads: [EnvironmentRead] = []
    /// Whether the code reads the environment in ways whose names are not literal
    /// (`os.environ[name]`, `dict(os.environ)`, `os.environ.items()`).
    var readsEnvironmentDynamically = false
    /// The SDK calls.
    var sdkCalls: [SDKCall] = []

    /// The facts of `bytes`, or nil when the file does not parse.
    init?(path: String, bytes: [UInt8]) {
        self.init(path: path, parsed: ParsedPythonFile(bytes: bytes))
    }

    /// The facts of the file at `path`, parsed already; nil when it does not parse.
    init?(path: String, parsed: ParsedPythonFile) {
        let source = parsed.source, imports = parsed.imports
        guard source.diagnostics.isEmpty else { return nil }
        functionNames = Set(source.topLevelFunctions.map(\.name))
        // Variables bound to SDK clients, resources and resource objects (flow-insensitive).
        var services: [String: String] = [:]
        var environmentNodes: Set<Int> = []
        func service(of expression: Expression) -> String? {
            switch expression.kind {
            case .name(let name, _):
                return services[name]
            case .call(let function, let args, let keywords):
                if let callee = function.dottedName {
                    let resolved = PythonScope.resolve(callee, imports: imports)
                    if HandlerClientInHandlerCheck.isClientFactory(resolved) {
                        return args.first?.stringValue ?? keywords.first { $0.name == "service_name" }?.value.stringValue
                    }
                }
                // `dynamodb.Table("t")`, `s3.Bucket("b")`, `s3.Object("b", "k")`.
                if case .attribute(let receiver, let method, _) = function.kind, ["Table", "Bucket", "Object"].contains(method) {
                    return service(of: receiver)
                }
                return nil
            default:
                return nil
            }
        }
        // One walk: the assignments, and the expressions that may read the environment or call
        // a service, in preorder (which the `os.environ` bookkeeping below relies on).
        var assignments: [(targets: [Expression], value: Expression)] = []
        var candidates: [Expression] = []
        source.forEachNode { node in
            switch node {
            case .statement(let statement):
                if case .assign(let targets, let value) = statement.kind { assignments.append((targets, value)) }
            case .expression(let expression):
                switch expression.kind {
                case .subscript, .call, .attribute(_, "environ", _): candidates.append(expression)
                default: break
                }
            default:
                break
            }
        }
        var changed = true
        while changed {
            changed = false
            for (targets, value) in assignments {
                guard let found = service(of: value) else { continue }
                for target in targets {
                    if case .name(let name, _) = target.kind, services[name] == nil { services[name] = found; changed = true }
                }
            }
        }
        for expression in candidates {
            switch expression.kind {
            case .subscript(let value, let slice, _) where value.dottedName.map({ PythonScope.resolve($0, imports: imports) }) == "os.environ":
                environmentNodes.insert(value.range.start.offset)
                if let name = slice.stringValue {
                    environmentReads.append(EnvironmentRead(name: name, line: expression.range.start.line, hasDefault: false))
                } else {
                    readsEnvironmentDynamically = true
                }
            case .call(let function, let args, let keywords):
                guard let callee = function.dottedName else {
                    if case .attribute(let receiver, let method, _) = function.kind, !Self.resourceConstructors.contains(method),
                       let found = service(of: receiver) {
                        sdkCalls.append(SDKCall(service: found, method: method, file: path, line: expression.range.start.line))
                    }
                    continue
                }
                let resolved = PythonScope.resolve(callee, imports: imports)
                if ["os.environ.get", "os.getenv", "os.environ.setdefault", "os.environ.pop"].contains(resolved) {
                    if case .attribute(let receiver, _, _) = function.kind { environmentNodes.insert(receiver.range.start.offset) }
                    if let name = args.first?.stringValue {
                        let hasDefault = args.count > 1 || keywords.contains { $0.name == "default" }
                        environmentReads.append(EnvironmentRead(name: name, line: expression.range.start.line, hasDefault: hasDefault))
                    } else {
                        readsEnvironmentDynamically = true
                    }
                } else if case .attribute(let receiver, let method, _) = function.kind, !Self.resourceConstructors.contains(method),
                          let found = service(of: receiver) {
                    sdkCalls.append(SDKCall(service: found, method: method, file: path, line: expression.range.start.line))
                }
            case .attribute(let value, "environ", _) where value.dottedName.map({ PythonScope.resolve($0, imports: imports) }) == "os":
                // `os.environ` used other than through a literal subscript or get.
                if !environmentNodes.contains(expression.range.start.offset) { readsEnvironmentDynamically = true }
            default:
                break
            }
        }
    }
}
