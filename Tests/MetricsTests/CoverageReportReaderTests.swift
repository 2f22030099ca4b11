import Testing
@testable import Metrics

private func read(_ path: String, _ text: String) -> Result<CoverageReport, CoverageReportError>? {
    CoverageReportReader().read(path: path, bytes: Array(text.utf8))
}

@Test func istanbulSummaryGivesTotalLinesPct() {
    let text = """
    {"total": {"lines": {"total": 1000, "covered": 859, "skipped": 0, "pct": 85.91},
               "statements": {"total": 1010, "covered": 860, "skipped": 0, "pct": 85.14}},
     "/repo/lib/handler.ts": {"lines": {"total": 10, "covered": 5, "skipped": 0, "pct": 50}}}
    """
    #expect(read("coverage/coverage-summary.json", text)
        == .success(CoverageReport(path: "coverage/coverage-summary.json", format: .istanbulSummary, linePercent: 85.91)))
}

@Test func istanbulSummaryWithoutLinesIsAReason() {
    #expect(read("coverage-summary.json", #"{"total": {"lines": {"total": 0, "covered": 0, "pct": "Unknown"}}}"#)
        == .failure(.noLines(path: "coverage-summary.json")))
    #expect(read("coverage-summary.json", #"{"total": {"statements": {"pct": 90}}}"#)
        == .failure(.missingField(path: "coverage-summary.json", field: "total.lines.pct")))
    #expect(read("coverage-summary.json", #"{"total": {"lines": {"pct": 85.91"#)
        == .failure(.invalidJSON(path: "coverage-summary.json")))
    #expect(read("coverage-summary.json", "[85.91]") == .failure(.invalidJSON(path: "coverage-summary.json")))
    #expect(read("coverage-summary.json", #"{"total": {"lines": {"pct": 185.91}}}"#)
        == .failure(.outOfRange(path: "coverage-summary.json", value: 185.91)))
}

@Test func lcovSumsHitOverFoundAcrossRecords() {
    let text = """
    TN:
    SF:lib/handler.ts
    DA:1,1
    DA:2,0
    LF:100
    LH:80
    end_of_record
    SF:lib/utils.ts\r
    LF:50\r
    LH:45\r
    end_of_record

    """
    #expect(read("coverage/lcov.info", text) == .success(CoverageReport(path: "coverage/lcov.info", format: .lcov, linePercent: 83.33)))
}

@Test func lcovWithoutSummaryLinesCountsDataLines() {
    let text = "SF:a.py\nDA:1,1\nDA:2,0\nDA:3,5,abcdef\nend_of_record\n"
    #expect(read("reports/unit.lcov", text) == .success(CoverageReport(path: "reports/unit.lcov", format: .lcov, linePercent: 66.67)))
}

@Test func malformedLcovIsAReason() {
    #expect(read("lcov.info", "SF:a\nLF:abc\nLH:1\n") == .failure(.missingField(path: "lcov.info", field: "LF")))
    #expect(read("lcov.info", "SF:a\nLF:10\nLH:\n") == .failure(.missingField(path: "lcov.info", field: "LH")))
    #expect(read("lcov.info", "") == .failure(.noLines(path: "lcov.info")))
    #expect(read("lcov.info", "LF:4\nLH:5\n") == .failure(.outOfRange(path: "lcov.info", value: 125)))
    #expect(read("lcov.info", "LF:99999999999999999999999\nLH:1\n") == .failure(.missingField(path: "lcov.info", field: "LF")))
}

@Test func coberturaLineRateOfTheCoverageElement() {
    let text = """
    <?xml version="1.0" ?>
    <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
    <!-- <coverage line-rate="0.1"> in a comment does not count -->
    <coverage
      branch-rate="0.5" line-rate="0.8591" lines-covered="859" lines-valid="1000" version="7.4.0">
      <packages><package name="." line-rate="0.2"/></packages>
    </coverage>
    """
    #expect(read("coverage.xml", text) == .success(CoverageReport(path: "coverage.xml", format: .cobertura, linePercent: 85.91)))
    #expect(read("reports/cobertura-coverage.xml", "<coverage line-rate='1' branch-rate='1'></coverage>")
        == .success(CoverageReport(path: "reports/cobertura-coverage.xml", format: .cobertura, linePercent: 100)))
}

@Test func malformedCoberturaIsAReason() {
    #expect(read("coverage.xml", "<coverage branch-rate=\"0.5\">") == .failure(.missingField(path: "coverage.xml", field: "coverage@line-rate")))
    #expect(read("coverage.xml", "<coverage line-rate=\"high\">") == .failure(.missingField(path: "coverage.xml", field: "coverage@line-rate")))
    #expect(read("coverage.xml", "<coverage line-rate=\"1.5\">") == .failure(.outOfRange(path: "coverage.xml", value: 1.5)))
    #expect(read("coverage.xml", "<report><coverages/></report>") == .failure(.notCobertura(path: "coverage.xml")))
    #expect(read("coverage.xml", "<coverage line-rate=\"0.5") == .failure(.missingField(path: "coverage.xml", field: "coverage@line-rate")))
}

@Test func coveragePyJSONPercentOrRatio() {
    let full = """
    {"meta": {"version": "7.4.0", "format": 2},
     "files": {"handler.py": {"summary": {"percent_covered": 50.0}}},
     "totals": {"covered_lines": 859, "num_statements": 1000, "percent_covered": 85.91, "missing_lines": 141}}
    """
    #expect(read("coverage.json", full) == .success(CoverageReport(path: "coverage.json", format: .coveragePy, linePercent: 85.91)))
    #expect(read("py/coverage.json", #"{"totals": {"covered_lines": 2, "num_statements": 3}}"#)
        == .success(CoverageReport(path: "py/coverage.json", format: .coveragePy, linePercent: 66.67)))
}

@Test func malformedCoveragePyJSONIsAReason() {
    #expect(read("coverage.json", #"{"totals": {"covered_lines": 0, "num_statements": 0}}"#) == .failure(.noLines(path: "coverage.json")))
    #expect(read("coverage.json", #"{"meta": {}}"#) == .failure(.missingField(path: "coverage.json", field: "totals")))
    #expect(read("coverage.json", #"{"totals": {"covered_lines": "2"}}"#)
        == .failure(.missingField(path: "coverage.json", field: "totals.percent_covered")))
    #expect(read("coverage.json", "\u{FF}\u{00}not json") == .failure(.invalidJSON(path: "coverage.json")))
}

@Test func reportFormatsByName() {
    let reader = CoverageReportReader()
    #expect(reader.format(ofPath: "coverage/coverage-summary.json") == .istanbulSummary)
    #expect(reader.format(ofPath: "coverage/lcov.info") == .lcov)
    #expect(reader.format(ofPath: "out/unit.lcov") == .lcov)
    #expect(reader.format(ofPath: "coverage.xml") == .cobertura)
    #expect(reader.format(ofPath: "reports/Cobertura-Coverage.xml") == .cobertura)
    #expect(reader.format(ofPath: "coverage.json") == .coveragePy)
    #expect(reader.format(ofPath: "coverage/coverage-final.json") == nil)
    #expect(reader.format(ofPath: "package.json") == nil)
    #expect(read("package.json", "{}") == nil)
}

@Test func errorDescriptionsSayWhatToDo() {
    #expect(CoverageReportError.missingField(path: "coverage.json", field: "totals").description
        == "coverage.json has no numeric `totals`; regenerate the report with a line-coverage summary.")
    #expect(CoverageReportError.noLines(path: "lcov.info").description
        == "lcov.info counts no instrumented lines; run the tests with coverage on the source files.")
}

@Test func randomBytesNeverTrap() {
    var generator = SplitMix(seed: 42)
    for _ in 0..<200 {
        let bytes = (0..<Int(generator.next() % 200)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for format in CoverageReport.Format.allCases {
            if case .success(let report) = CoverageReportReader().read(path: "r", bytes: bytes, format: format) {
                #expect(report.linePercent >= 0 && report.linePercent <= 100)
            }
        }
    }
}

/// A small deterministic random number generator for the robustness tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
