import Foundation

/// Reads line coverage from committed coverage reports (istanbul summary, lcov, Cobertura XML,
/// coverage.py JSON).
///
/// Malformed input never traps: it gives a `CoverageReportError` saying what is wrong.
/// Percentages are rounded to two decimals, as the report prints them.
public struct CoverageReportReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// The report format a path names, or nil when it is not a coverage report name.
    ///
    /// `coverage-summary.json`; `lcov.info` or `*.lcov`; `coverage.xml`, `cobertura.xml` or
    /// `cobertura-*.xml`/`cobertura_*.xml`; `coverage.json`.
    public func format(ofPath path: String) -> CoverageReport.Format? {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        switch name {
        case "coverage-summary.json": return .istanbulSummary
        case "lcov.info": return .lcov
        case "coverage.xml", "cobertura.xml": return .cobertura
        case "coverage.json": return .coveragePy
        default:
            if name.hasSuffix(".lcov") { return .lcov }
            if name.hasPrefix("cobertura"), name.hasSuffix(".xml") { return .cobertura }
            return nil
        }
    }

    /// Reads the report at `path` in the format its name gives; nil when the name is not a report's.
    public func read(path: String, bytes: [UInt8]) -> Result<CoverageReport, CoverageReportError>? {
        guard let format = format(ofPath: path) else { return nil }
        return read(path: path, bytes: bytes, format: format)
    }

    /// Reads `bytes` as a report of `format`.
    public func read(path: String, bytes: [UInt8], format: CoverageReport.Format) -> Result<CoverageReport, CoverageReportError> {
        let percent: Result<Double, CoverageReportError>
        switch format {
        case .istanbulSummary: percent = istanbulPercent(path: path, bytes: bytes)
        case .lcov: percent = lcovPercent(path: path, bytes: bytes)
        case .cobertura: percent = coberturaPercent(path: path, bytes: bytes)
        case .coveragePy: percent = coveragePyPercent(path: path, bytes: bytes)
        }
        return percent.flatMap { value in
            guard value.isFinite, value >= 0, value <= 100 else { return .failure(.outOfRange(path: path, value: value)) }
            return .success(CoverageReport(path: path, format: format, linePercent: (value * 100).rounded() / 100))
        }
    }

    private func jsonObject(path: String, bytes: [UInt8]) -> Result<[String: Any], CoverageReportError> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(.invalidJSON(path: path))
        }
        return .success(object)
    }

    /// A JSON number as a Double (a string such as istanbul's `"Unknown"` is not one).
    private func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    private func istanbulPercent(path: String, bytes: [UInt8]) -> Result<Double, CoverageReportError> {
        jsonObject(path: path, bytes: bytes).flatMap { object in
            let lines = (object["total"] as? [String: Any])?["lines"] as? [String: Any]
            if let pct = number(lines?["pct"]) { return .success(pct) }
            if let total = number(lines?["total"]), total == 0 { return .failure(.noLines(path: path)) }
            return .failure(.missingField(path: path, field: "total.lines.pct"))
        }
    }

    private func coveragePyPercent(path: String, bytes: [UInt8]) -> Result<Double, CoverageReportError> {
        jsonObject(path: path, bytes: bytes).flatMap { object in
            guard let totals = object["totals"] as? [String: Any] else {
                return .failure(.missingField(path: path, field: "totals"))
            }
            if let percent = number(totals["percent_covered"]) { return .success(percent) }
            guard let covered = number(totals["covered_lines"]), let statements = number(totals["num_statements"]) else {
                return .failure(.missingField(path: path, field: "totals.percent_covered"))
            }
            guard statements > 0 else { return .failure(.noLines(path: path)) }
            return .success(covered / statements * 100)
        }
    }

    /// Sums `LH:` and `LF:` over all records; when a report has no `LF:` lines, counts `DA:` lines.
    private func lcovPercent(path: String, bytes: [UInt8]) -> Result<Double, CoverageReportError> {
        var found = 0, hit = 0, daLines = 0, daHit = 0
        var sawSummary = false
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var end = lineEnd
            while end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") || bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            let line = bytes[lineStart..<end]
            if line.starts(with: Array("LF:".utf8)) {
                guard let value = integer(line.dropFirst(3)) else { return .failure(.missingField(path: path, field: "LF")) }
                found += value
                sawSummary = true
            } else if line.starts(with: Array("LH:".utf8)) {
                guard let value = integer(line.dropFirst(3)) else { return .failure(.missingField(path: path, field: "LH")) }
                hit += value
            } else if line.starts(with: Array("DA:".utf8)) {
                let fields = line.dropFirst(3).split(separator: UInt8(ascii: ","))
                if fields.count >= 2, let hits = integer(fields[1]) {
                    daLines += 1
                    if hits > 0 { daHit += 1 }
                }
            }
            lineStart = lineEnd + 1
        }
        if !sawSummary { found = daLines; hit = daHit }
        guard found > 0 else { return .failure(.noLines(path: path)) }
        guard hit <= found else { return .failure(.outOfRange(path: path, value: Double(hit) / Double(found) * 100)) }
        return .success(Double(hit) / Double(found) * 100)
    }

    /// A non-negative decimal integer, or nil (also on overflow).
    private func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard ByteClass.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The `line-rate` attribute of the first `<coverage` start tag outside `<!-- -->` comments, as a percentage.
    private func coberturaPercent(path: String, bytes: [UInt8]) -> Result<Double, CoverageReportError> {
        let tag = Array("<coverage".utf8)
        let count = bytes.count
        var index = 0
        let commentOpen = Array("<!--".utf8)
        let commentClose = Array("-->".utf8)
        while index + tag.count < count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index..<(index + commentOpen.count)].elementsEqual(commentOpen) {
                index += commentOpen.count
                while index < count, !bytes[index..<min(count, index + commentClose.count)].elementsEqual(commentClose) { index += 1 }
                continue
            }
            guard bytes[index] == UInt8(ascii: "<"), bytes[index..<(index + tag.count)].elementsEqual(tag) else {
                index += 1
                continue
            }
            let after = bytes[index + tag.count]
            guard after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") || after == UInt8(ascii: "\n")
                || after == UInt8(ascii: "\r") else {
                index += 1
                continue
            }
            var tagEnd = index + tag.count
            while tagEnd < count, bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
            guard let raw = attribute("line-rate", in: bytes[(index + tag.count)..<tagEnd]) else {
                return .failure(.missingField(path: path, field: "coverage@line-rate"))
            }
            guard let rate = Double(raw) else { return .failure(.missingField(path: path, field: "coverage@line-rate")) }
            guard rate >= 0, rate <= 1 else { return .failure(.outOfRange(path: path, value: rate)) }
            return .success(rate * 100)
        }
        return .failure(.notCobertura(path: path))
    }

    /// The value of attribute `name` in a start tag's attribute text (quoted with `"` or `'`).
    private func attribute(_ name: String, in attributes: ArraySlice<UInt8>) -> String? {
        let key = Array(name.utf8)
        var index = attributes.startIndex
        let end = attributes.endIndex
        while index < end {
            // Skip blanks, then read one attribute name.
            while index < end, attributes[index] == UInt8(ascii: " ") || attributes[index] == UInt8(ascii: "\t")
                || attributes[index] == UInt8(ascii: "\n") || attributes[index] == UInt8(ascii: "\r") { index += 1 }
            let nameStart = index
            while index < end, attributes[index] != UInt8(ascii: "="), attributes[index] != UInt8(ascii: " "),
                  attributes[index] != UInt8(ascii: "\n"), attributes[index] != UInt8(ascii: "\t") { index += 1 }
            let attributeName = attributes[nameStart..<index]
            guard index < end, attributes[index] == UInt8(ascii: "="), index + 1 < end else {
                index += 1
                continue
            }
            let quote = attributes[index + 1]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { index += 1; continue }
            let valueStart = index + 2
            var valueEnd = valueStart
            while valueEnd < end, attributes[valueEnd] != quote { valueEnd += 1 }
            guard valueEnd < end else { return nil }  // unterminated value
            if attributeName.elementsEqual(key) {
                return String(decoding: attributes[valueStart..<valueEnd], as: UTF8.self)
            }
            index = valueEnd + 1
        }
        return nil
    }
}
