import Foundation
import LinearRegex
import HCL

/// The built-in functions.
///
/// An unknown argument gives an unknown result that carries the argument's references, except:
/// `try`/`can` (which evaluate their arguments themselves), and the structural functions (listed
/// in `structuralFunctions`), which answer when their collection arguments are known even if the
/// elements are not (e.g. `length([aws_s3_bucket.a.id])` is 1). Hash, time and UUID functions give
/// an unknown value, since a rule never needs their exact result.
extension Evaluator {
    /// Functions that accept collections with unknown elements.
    static let structuralFunctions: Set<String> = [
        "length", "concat", "merge", "keys", "values", "lookup", "element", "coalescelist", "slice",
        "tolist", "tomap", "one", "reverse", "zipmap", "flatten", "index_", "chunklist",
    ]

    /// Functions whose result is always unknown (hashes, time, randomness).
    static let opaqueFunctions: Set<String> = [
        "md5", "sha1", "sha256", "sha512", "base64sha256", "base64sha512", "filemd5", "filesha1", "filesha256",
        "filesha512", "filebase64sha256", "filebase64sha512", "uuid", "uuidv5", "timestamp", "bcrypt", "plantimestamp",
        "rsadecrypt", "timeadd", "formatdate", "timecmp", "issensitive", "fileset", "abspath", "templatestring",
        "cidrsubnets", "filebase64sha1",
    ]

    func callFunction(_ call: FunctionCall, range: SourceRange, _ scope: Scope) throws -> Value {
        let name = call.name
        switch name {
        case "try":
            for argument in call.arguments {
                if let result = try? value(of: argument, scope) { return result }
            }
            throw EvaluationError(summary: "No argument succeeded", detail: "Every argument of try failed to evaluate; add a final fallback value.", range: range)
        case "can":
            guard call.arguments.count == 1 else { throw arity(name, "1 argument", range) }
            guard let result = try? value(of: call.arguments[0], scope) else { return .bool(false) }
            if case .unknown = result { return result }
            return .bool(true)
        default: break
        }
        var arguments = try call.arguments.map { try value(of: $0, scope) }
        if call.expandsFinalArgument, let last = arguments.popLast() {
            if case .unknown = last { return last }
            guard let items = last.elements else {
                throw EvaluationError(summary: "Invalid expanding argument", detail: "The argument before ... must be a list, set or tuple.", range: call.arguments.last?.range ?? range)
            }
            arguments += items
        }
        if !call.namespace.isEmpty || Self.opaqueFunctions.contains(name) {
            return .unknown(["\(name)(...)"] + arguments.flatMap(\.unknownReferences))
        }
        if Self.structuralFunctions.contains(name) {
            if arguments.contains(where: \.isUnknown) { return .unknown(arguments.flatMap(\.unknownReferences)) }
        } else if !arguments.allSatisfy(\.isWhollyKnown) {
            return .unknown(arguments.flatMap(\.unknownReferences))
        }
        let call = FunctionArguments(name: name, values: arguments, range: range, file: scope.file)
        return try builtin(call, scope)
    }

    private func arity(_ name: String, _ expected: String, _ range: SourceRange) -> EvaluationError {
        EvaluationError(summary: "Wrong number of arguments", detail: "\(name) takes \(expected).", range: range)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func builtin(_ a: FunctionArguments, _ scope: Scope) throws -> Value {
        switch a.name {
        // Collections
        case "length":
            try a.count(1)
            switch a.values[0] {
            case .string(let text): return .number(Double(text.count))
            case .list(let items), .set(let items): return .number(Double(items.count))
            case .object(let members): return .number(Double(members.count))
            default: throw a.error("length needs a string or a collection, not \(a.values[0].typeName).")
            }
        case "concat":
            var result: [Value] = []
            for index in a.values.indices { result += try a.list(index) }
            return .list(result)
        case "merge":
            var result: [String: Value] = [:]
            for argument in a.values where argument != .null {
                guard let members = argument.members else { throw a.error("merge needs maps or objects, not \(argument.typeName).") }
                result.merge(members) { _, new in new }
            }
            return .object(result)
        case "lookup":
            try a.count(2...3)
            let members = try a.object(0)
            let key = try a.string(1)
            if let found = members[key] { return found }
            if a.values.count == 3 { return a.values[2] }
            throw a.error("The map has no key \"\(key)\" and no default was given.")
        case "element":
            try a.count(2)
            let items = try a.list(0)
            guard !items.isEmpty else { throw a.error("element cannot take an element of an empty list.") }
            let index = try a.integer(1)
            guard index >= 0 else { throw a.error("element's index must not be negative.") }
            return items[index % items.count]
        case "keys":
            try a.count(1)
            return .list(try a.object(0).keys.sorted().map(Value.string))
        case "values":
            try a.count(1)
            let members = try a.object(0)
            return .list(members.keys.sorted().map { members[$0]! })
        case "contains":
            try a.count(2)
            return .bool(try a.list(0).contains { valuesEqual($0, a.values[1]) })
        case "coalesce":
            for argument in a.values {
                if argument == .null || argument == .string("") { continue }
                return argument
            }
            throw a.error("coalesce found no non-null, non-empty argument.")
        case "coalescelist":
            for index in a.values.indices {
                let items = try a.list(index)
                if !items.isEmpty { return a.values[index] }
            }
            throw a.error("coalescelist found no non-empty list.")
        case "compact":
            try a.count(1)
            return .list(try a.list(0).filter { $0 != .null && $0 != .string("") })
        case "distinct":
            try a.count(1)
            guard case .set(let items) = makeSet(try a.list(0)) else { return .list([]) }
            return .list(items)
        case "flatten":
            try a.count(1)
            return try flatten(a.values[0], a)
        case "zipmap":
            try a.count(2)
            let keys = try a.list(0)
            let values = try a.list(1)
            guard keys.count == values.count else { throw a.error("zipmap needs as many values (\(values.count)) as keys (\(keys.count)).") }
            if keys.contains(where: \.isUnknown) { return .unknown(keys.flatMap(\.unknownReferences)) }
            var result: [String: Value] = [:]
            for (key, value) in zip(keys, values) {
                guard let name = key.primitiveString else { throw a.error("zipmap's keys must be strings.") }
                result[name] = value
            }
            return .object(result)
        case "slice":
            try a.count(3)
            let items = try a.list(0)
            let start = try a.integer(1), end = try a.integer(2)
            guard start >= 0, end <= items.count, start <= end else { throw a.error("slice's indices \(start) and \(end) do not fit a list of \(items.count).") }
            return .list(Array(items[start..<end]))
        case "one":
            try a.count(1)
            let items = try a.list(0)
            guard items.count <= 1 else { throw a.error("one needs a list of zero or one element; this one has \(items.count).") }
            return items.first ?? .null
        case "reverse":
            try a.count(1)
            return .list(try a.list(0).reversed())
        case "sort":
            try a.count(1)
            return .list(try a.list(0).map { try a.asString($0) }.sorted().map(Value.string))
        case "index":
            try a.count(2)
            guard let found = try a.list(0).firstIndex(where: { valuesEqual($0, a.values[1]) }) else { throw a.error("The value is not in the list.") }
            return .number(Double(found))
        case "chunklist":
            try a.count(2)
            let items = try a.list(0)
            let size = try a.integer(1)
            guard size > 0 else { return .list([.list(items)]) }
            return .list(stride(from: 0, to: items.count, by: size).map { .list(Array(items[$0..<Swift.min($0 + size, items.count)])) })
        case "setunion":
            return makeSet(try a.values.indices.flatMap { try a.list($0) })
        case "setintersection":
            guard !a.values.isEmpty else { throw arity(a.name, "at least 1 argument", a.range) }
            var result = try a.list(0)
            for index in a.values.indices.dropFirst() {
                let other = try a.list(index)
                result = result.filter(other.contains)
            }
            return makeSet(result)
        case "setsubtract":
            try a.count(2)
            let other = try a.list(1)
            return makeSet(try a.list(0).filter { !other.contains($0) })
        case "transpose":
            try a.count(1)
            var result: [String: [Value]] = [:]
            let members = try a.object(0)
            for key in members.keys.sorted() {
                for item in members[key]!.elements ?? [] { result[try a.asString(item), default: []].append(.string(key)) }
            }
            return .object(result.mapValues(Value.list))
        case "range":
            try a.count(1...3)
            let numbers = try a.values.indices.map { try a.number($0) }
            let (start, limit, step): (Double, Double, Double)
            switch numbers.count {
            case 1: (start, limit, step) = (0, numbers[0], 1)
            case 2: (start, limit, step) = (numbers[0], numbers[1], numbers[0] <= numbers[1] ? 1 : -1)
            default: (start, limit, step) = (numbers[0], numbers[1], numbers[2])
            }
            guard step != 0 else { throw a.error("range's step must not be zero.") }
            var result: [Value] = []
            var current = start
            while step > 0 ? current < limit : current > limit {
                result.append(.number(current))
                current += step
                if result.count > 1_024 { throw a.error("range would produce more than 1024 elements.") }
            }
            return .list(result)
        case "alltrue", "anytrue":
            try a.count(1)
            let flags = try a.list(0).map { try boolOperand($0, a.range) ?? false }
            return .bool(a.name == "alltrue" ? flags.allSatisfy { $0 } : flags.contains(true))
        case "sum":
            try a.count(1)
            let items = try a.list(0)
            guard !items.isEmpty else { throw a.error("sum cannot add an empty list.") }
            return .number(try items.reduce(0) { $0 + (try numberOperand($1, a.range)) })
        // Numbers
        case "min", "max":
            guard !a.values.isEmpty else { throw arity(a.name, "at least 1 argument", a.range) }
            let numbers = try a.values.indices.map { try a.number($0) }
            return .number(a.name == "min" ? numbers.min()! : numbers.max()!)
        case "abs": try a.count(1); return .number(Swift.abs(try a.number(0)))
        case "ceil": try a.count(1); return .number((try a.number(0)).rounded(.up))
        case "floor": try a.count(1); return .number((try a.number(0)).rounded(.down))
        case "signum": try a.count(1); let number = try a.number(0); return .number(number > 0 ? 1 : (number < 0 ? -1 : 0))
        case "pow": try a.count(2); return .number(Foundation.pow(try a.number(0), try a.number(1)))
        case "parseint":
            try a.count(2)
            let radix = try a.integer(1)
            guard (2...62).contains(radix) else { throw a.error("parseint's base must be between 2 and 62.") }
            guard radix <= 36, let parsed = Int(try a.string(0), radix: radix) else { throw a.error("parseint could not read the number.") }
            return .number(Double(parsed))
        // Strings
        case "format":
            guard !a.values.isEmpty else { throw arity(a.name, "at least 1 argument", a.range) }
            return .string(try format(try a.string(0), Array(a.values.dropFirst()), a))
        case "formatlist":
            guard !a.values.isEmpty else { throw arity(a.name, "at least 1 argument", a.range) }
            let pattern = try a.string(0)
            let rest = Array(a.values.dropFirst())
            let lengths = Set(rest.compactMap { $0.elements?.count })
            guard lengths.count <= 1 else { throw a.error("formatlist's list arguments must all have the same length.") }
            let count = lengths.first ?? 1
            return .list(try (0..<count).map { index in
                .string(try format(pattern, rest.map { $0.elements?[index] ?? $0 }, a))
            })
        case "join":
            try a.count(2...)
            let separator = try a.string(0)
            var parts: [String] = []
            for index in a.values.indices.dropFirst() {
                for item in try a.list(index) { parts.append(try a.asString(item)) }
            }
            return .string(parts.joined(separator: separator))
        case "split":
            try a.count(2)
            let separator = try a.string(0), text = try a.string(1)
            if text.isEmpty { return .list([]) }
            if separator.isEmpty { return .list(text.map { .string(String($0)) }) }
            return .list(text.components(separatedBy: separator).map(Value.string))
        case "replace":
            try a.count(3)
            let text = try a.string(0), search = try a.string(1), replacement = try a.string(2)
            if search.count >= 2, search.hasPrefix("/"), search.hasSuffix("/") {
                let regex = try a.regex(String(search.dropFirst().dropLast()))
                return .string(regex.replacing(in: text, with: replacement))
            }
            guard !search.isEmpty else { return .string(text) }
            return .string(text.replacingOccurrences(of: search, with: replacement))
        case "lower": try a.count(1); return .string((try a.string(0)).lowercased())
        case "upper": try a.count(1); return .string((try a.string(0)).uppercased())
        case "title":
            try a.count(1)
            var result = ""
            var atWordStart = true
            for character in try a.string(0) {
                result += atWordStart ? character.uppercased() : String(character)
                atWordStart = !(character.isLetter || character.isNumber)
            }
            return .string(result)
        case "trim":
            try a.count(2)
            let cutset = Set(try a.string(1))
            var text = Substring(try a.string(0))
            while let first = text.first, cutset.contains(first) { text.removeFirst() }
            while let last = text.last, cutset.contains(last) { text.removeLast() }
            return .string(String(text))
        case "trimspace": try a.count(1); return .string((try a.string(0)).trimmingSpaces)
        case "trimprefix":
            try a.count(2)
            let text = try a.string(0), prefix = try a.string(1)
            return .string(text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text)
        case "trimsuffix":
            try a.count(2)
            let text = try a.string(0), suffix = try a.string(1)
            return .string(text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text)
        case "chomp":
            try a.count(1)
            var text = try a.string(0)
            while text.hasSuffix("\n") || text.hasSuffix("\r") || text.hasSuffix("\r\n") { text.removeLast() }
            return .string(text)
        case "strrev": try a.count(1); return .string(String((try a.string(0)).reversed()))
        case "indent":
            try a.count(2)
            let spaces = try a.integer(0)
            guard (0...1_000).contains(spaces) else { throw a.error("indent's width must be between 0 and 1000.") }
            let padding = String(repeating: " ", count: spaces)
            return .string((try a.string(1)).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 ? String($0.element) : padding + $0.element }.joined(separator: "\n"))
        case "substr":
            try a.count(3)
            let characters = Array(try a.string(0))
            var offset = try a.integer(1)
            let length = try a.integer(2)
            if offset < 0 { offset += characters.count }
            guard offset >= 0, offset <= characters.count else { throw a.error("substr's offset is outside the string.") }
            let end = length < 0 ? characters.count : Swift.min(characters.count, offset + length)
            return .string(String(characters[offset..<Swift.max(offset, end)]))
        case "startswith": try a.count(2); return .bool((try a.string(0)).hasPrefix(try a.string(1)))
        case "endswith": try a.count(2); return .bool((try a.string(0)).hasSuffix(try a.string(1)))
        case "strcontains": try a.count(2); return .bool((try a.string(0)).contains(try a.string(1)))
        case "regex", "regexall":
            try a.count(2)
            let regex = try a.regex(try a.string(0))
            let text = try a.string(1)
            let results = regex.allMatches(in: text).map { regexResult($0, regex: regex, in: text) }
            if a.name == "regexall" { return .list(results) }
            guard let first = results.first else { throw a.error("The pattern did not match the string; use can(regex(...)) to test first.") }
            return first
        // Conversions
        case "tostring":
            try a.count(1)
            if a.values[0] == .null { return .null }
            guard let text = a.values[0].primitiveString else { throw a.error("tostring cannot convert a \(a.values[0].typeName) to a string.") }
            return .string(text)
        case "tonumber":
            try a.count(1)
            if a.values[0] == .null { return .null }
            return .number(try numberOperand(a.values[0], a.range))
        case "tobool":
            try a.count(1)
            if a.values[0] == .null { return .null }
            guard let flag = try boolOperand(a.values[0], a.range) else { return a.values[0] }
            return .bool(flag)
        case "tolist":
            try a.count(1)
            if a.values[0] == .null { return .null }
            return .list(try a.list(0))
        case "toset":
            try a.count(1)
            if a.values[0] == .null { return .null }
            return makeSet(try a.list(0))
        case "tomap":
            try a.count(1)
            if a.values[0] == .null { return .null }
            return .object(try a.object(0))
        // Encodings
        case "jsonencode": try a.count(1); return .string(try jsonEncode(a.values[0], a))
        case "jsondecode":
            try a.count(1)
            guard let decoded = JSONText.decode(try a.string(0)) else { throw a.error("jsondecode could not read the string as JSON.") }
            return decoded
        case "yamldecode":
            try a.count(1)
            do { return try YAMLText.decode(try a.string(0)) } catch let error as YAMLError { throw a.error("yamldecode: \(error.message)") }
        case "base64encode":
            try a.count(1)
            return .string(Data((try a.string(0)).utf8).base64EncodedString())
        case "base64decode":
            try a.count(1)
            guard let data = Data(base64Encoded: try a.string(0)), let text = String(data: data, encoding: .utf8) else { throw a.error("base64decode could not read the string as base64 of UTF-8 text.") }
            return .string(text)
        case "urlencode":
            try a.count(1)
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return .string((try a.string(0)).addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        // Network
        case "cidrsubnet":
            try a.count(3)
            return .string(try cidrSubnet(try a.string(0), newBits: try a.integer(1), number: try a.integer(2), a))
        case "cidrhost":
            try a.count(2)
            return .string(try cidrHost(try a.string(0), number: try a.integer(1), a))
        // Files and paths
        case "basename":
            try a.count(1)
            let path = try a.string(0)
            return .string(path.split(separator: "/").last.map(String.init) ?? (path.hasPrefix("/") ? "/" : "."))
        case "dirname":
            try a.count(1)
            let path = try a.string(0)
            guard let slash = path.lastIndex(of: "/") else { return .string(".") }
            return .string(slash == path.startIndex ? "/" : String(path[..<slash]))
        case "file", "fileexists", "filebase64":
            try a.count(1)
            let path = try a.string(0)
            guard let resolved = try resolveFile(path, a) else { return .unknown(["\(a.name)(\"\(path)\")"]) }
            let file = context.fileSource?.readFile(at: resolved)
            if a.name == "fileexists" { return .bool(file != nil) }
            guard let file else { throw a.error("No file exists at \(path) (\(resolved) in the repository).") }
            if a.name == "filebase64" { return .string(Data(file.bytes).base64EncodedString()) }
            return .string(String(decoding: file.bytes, as: UTF8.self))
        case "templatefile":
            try a.count(2)
            let path = try a.string(0)
            let variables = try a.object(1)
            guard let resolved = try resolveFile(path, a) else { return .unknown(["templatefile(\"\(path)\")"]) }
            guard let file = context.fileSource?.readFile(at: resolved) else { throw a.error("No template file exists at \(path) (\(resolved) in the repository).") }
            let parsed = parseTemplate(file.bytes, fileName: resolved)
            if let first = parsed.diagnostics.first { throw a.error("The template \(resolved) has a syntax error: \(first.summary).") }
            var inner = Scope(file: resolved, bindings: variables)
            inner.bindingsOnly = true
            let result = try value(of: parsed.expression, inner)
            if case .unknown = result { return result }
            return .string(result.primitiveString ?? "")
        case "sensitive", "nonsensitive":
            try a.count(1)
            return a.values[0]
        case "cidrnetmask":
            try a.count(1)
            let (_, length) = try parseCIDR(try a.string(0), a)
            return .string(formatIPv4(length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)))
        default:
            // Not an error: newer or rarer functions should not make a review fail; say so and go on.
            report(Diagnostic(severity: .warning, summary: "Function not evaluated",
                detail: "stackreview does not evaluate \(a.name)(); values that depend on it are unknown.",
                fileName: a.file ?? "", subject: a.range))
            return .unknown(["\(a.name)(...)"])
        }
    }

    /// The repository path of `path` relative to the module; nil (with a diagnostic) when it leaves the repository.
    private func resolveFile(_ path: String, _ a: FunctionArguments) throws -> String? {
        guard context.fileSource != nil else { return nil }
        guard let resolved = RepositoryPath.resolve(path, in: context.directory) else {
            report(Diagnostic(severity: .error, summary: "File outside the repository",
                detail: "\(a.name)(\"\(path)\") leaves the repository; only files inside it can be read, so the value is unknown. Use a path relative to path.module.",
                fileName: a.file ?? "", subject: a.range))
            return nil
        }
        return resolved
    }

    private func flatten(_ value: Value, _ a: FunctionArguments) throws -> Value {
        var result: [Value] = []
        var references: [String] = []
        func walk(_ items: [Value]) {
            for item in items {
                switch item {
                case .list(let inner), .set(let inner): walk(inner)
                case .unknown: references += item.unknownReferences
                default: result.append(item)
                }
            }
        }
        walk(try a.list(0))
        return references.isEmpty ? .list(result) : .unknown(references)
    }

    /// A `regex` result as Terraform gives it: the matched string without groups, a list of
    /// the groups' strings, or an object when the groups are named.
    private func regexResult(_ match: SafeRegex.Match, regex: SafeRegex, in text: String) -> Value {
        func value(_ range: Range<Int>?) -> Value {
            range.map { .string(SafeRegex.substring(text, $0)) } ?? .null
        }
        if regex.groupCount == 0 { return value(match.range) }
        if !regex.groupNames.isEmpty {
            var members: [String: Value] = [:]
            for (number, name) in regex.groupNames { members[name] = value(match.groups[number - 1]) }
            return .object(members)
        }
        return .list(match.groups.map(value))
    }

    private func format(_ pattern: String, _ values: [Value], _ a: FunctionArguments) throws -> String {
        var output = ""
        var characters = Array(pattern)[...]
        var next = 0
        while let character = characters.popFirst() {
            guard character == "%" else { output.append(character); continue }
            var flags = ""
            while let c = characters.first, "-+ #0".contains(c) { flags.append(c); characters.removeFirst() }
            var width = ""
            while let c = characters.first, c.isNumber { width.append(c); characters.removeFirst() }
            var precision: Int?
            if characters.first == "." {
                characters.removeFirst()
                var digits = ""
                while let c = characters.first, c.isNumber { digits.append(c); characters.removeFirst() }
                precision = Int(digits) ?? 0
            }
            guard let verb = characters.popFirst() else { throw a.error("format's pattern ends with a lone %.") }
            if verb == "%" { output.append("%"); continue }
            guard next < values.count else { throw a.error("format has too few arguments for its pattern.") }
            let value = values[next]
            next += 1
            var piece: String
            switch verb {
            case "s": piece = try a.asString(value)
            case "v":
                if let text = value.primitiveString { piece = text } else { piece = try jsonEncode(value, a) }
            case "q": piece = try jsonEncode(.string(try a.asString(value)), a)
            case "t": piece = (try boolOperand(value, a.range) ?? false) ? "true" : "false"
            case "d":
                let number = try numberOperand(value, a.range)
                guard number == number.rounded() else { throw a.error("%d needs a whole number; \(formatNumber(number)) is not.") }
                piece = formatNumber(number)
                if flags.contains("+"), number >= 0 { piece = "+" + piece }
            case "f", "e", "g":
                let number = try numberOperand(value, a.range)
                piece = String(format: "%.\(precision ?? 6)\(verb)", number)
            case "x", "X", "o", "b":
                let raw = try numberOperand(value, a.range)
                guard let number = Int(exactly: raw.rounded(.towardZero)), Swift.abs(raw) < 1e18 else { throw a.error("%\(verb) needs a whole number that fits in 64 bits.") }
                let radix = verb == "o" ? 8 : (verb == "b" ? 2 : 16)
                piece = String(number, radix: radix, uppercase: verb == "X")
            case "j": piece = try jsonEncode(value, a)
            default: throw a.error("format does not support the verb %\(verb).")
            }
            if let precision, verb == "s" { piece = String(piece.prefix(precision)) }
            if let minimum = Int(width), piece.count < minimum {
                let padding = String(repeating: flags.contains("0") && !flags.contains("-") ? "0" : " ", count: minimum - piece.count)
                piece = flags.contains("-") ? piece + padding : padding + piece
            }
            output += piece
        }
        return output
    }

    func jsonEncode(_ value: Value, _ a: FunctionArguments) throws -> String {
        guard let text = JSONText.encode(value) else { throw a.error("jsonencode cannot encode an unknown value.") }
        return text
    }

    private func parseIPv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var address: UInt32 = 0
        for part in parts {
            guard let octet = UInt32(part), octet <= 255 else { return nil }
            address = address << 8 | octet
        }
        return address
    }

    private func formatIPv4(_ address: UInt32) -> String {
        [24, 16, 8, 0].map { String((address >> UInt32($0)) & 0xff) }.joined(separator: ".")
    }

    private func parseCIDR(_ text: String, _ a: FunctionArguments) throws -> (UInt32, Int) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let address = parseIPv4(String(parts[0])), let length = Int(parts[1]), (0...32).contains(length) else {
            throw a.error("\"\(text)\" is not an IPv4 CIDR prefix such as 10.0.0.0/16 (IPv6 is not supported).")
        }
        let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
        return (address & mask, length)
    }

    private func cidrSubnet(_ prefix: String, newBits: Int, number: Int, _ a: FunctionArguments) throws -> String {
        let (base, length) = try parseCIDR(prefix, a)
        let newLength = length + newBits
        guard newBits >= 0, newLength <= 32 else { throw a.error("cidrsubnet: \(newBits) more bits do not fit in /\(length).") }
        guard number >= 0, newBits == 0 ? number == 0 : UInt64(number) < (UInt64(1) << UInt64(newBits)) else {
            throw a.error("cidrsubnet: \(number) does not fit in \(newBits) bits.")
        }
        let shifted = newLength == 32 ? UInt32(number) : UInt32(number) << UInt32(32 - newLength)
        return "\(formatIPv4(base | shifted))/\(newLength)"
    }

    private func cidrHost(_ prefix: String, number: Int, _ a: FunctionArguments) throws -> String {
        let (base, length) = try parseCIDR(prefix, a)
        let size = UInt64(1) << UInt64(32 - length)
        let offset = number < 0 ? Int64(size) + Int64(number) : Int64(number)
        guard offset >= 0, UInt64(offset) < size else { throw a.error("cidrhost: host number \(number) does not fit in /\(length).") }
        return formatIPv4(base + UInt32(offset))
    }
}

/// The evaluated arguments of one function call, with typed accessors that throw clear errors.
struct FunctionArguments {
    var name: String
    var values: [Value]
    var range: SourceRange
    var file: String?

    func error(_ detail: String) -> EvaluationError {
        EvaluationError(summary: "Invalid function argument", detail: detail, range: range)
    }

    func count(_ expected: Int) throws {
        guard values.count == expected else { throw EvaluationError(summary: "Wrong number of arguments", detail: "\(name) takes \(expected) argument\(expected == 1 ? "" : "s"); \(values.count) given.", range: range) }
    }

    func count(_ expected: ClosedRange<Int>) throws {
        guard expected.contains(values.count) else { throw EvaluationError(summary: "Wrong number of arguments", detail: "\(name) takes \(expected.lowerBound) to \(expected.upperBound) arguments; \(values.count) given.", range: range) }
    }

    func count(_ expected: PartialRangeFrom<Int>) throws {
        guard expected.contains(values.count) else { throw EvaluationError(summary: "Wrong number of arguments", detail: "\(name) takes at least \(expected.lowerBound) arguments; \(values.count) given.", range: range) }
    }

    func asString(_ value: Value) throws -> String {
        guard let text = value.primitiveString else { throw error("\(name) needs a string, not \(value.typeName).") }
        return text
    }

    func string(_ index: Int) throws -> String { try asString(values[index]) }

    func number(_ index: Int) throws -> Double {
        switch values[index] {
        case .number(let number): return number
        case .string(let text): if let number = Double(text) { return number }
        default: break
        }
        throw error("\(name) needs a number as argument \(index + 1), not \(values[index].typeName).")
    }

    func integer(_ index: Int) throws -> Int {
        let number = try number(index)
        guard number == number.rounded(), Swift.abs(number) < 1e15 else { throw error("\(name) needs a whole number as argument \(index + 1).") }
        return Int(number)
    }

    func list(_ index: Int) throws -> [Value] {
        guard let items = values[index].elements else { throw error("\(name) needs a list as argument \(index + 1), not \(values[index].typeName).") }
        return items
    }

    func object(_ index: Int) throws -> [String: Value] {
        guard let members = values[index].members else { throw error("\(name) needs a map or object as argument \(index + 1), not \(values[index].typeName).") }
        return members
    }

    /// Compiles a pattern for the linear-time engine (RE2 syntax, as Terraform's).
    func regex(_ pattern: String) throws -> SafeRegex {
        do { return try SafeRegex(pattern) } catch { throw self.error("\"\(pattern)\" is not a valid regular expression: \(error.message).") }
    }
}
