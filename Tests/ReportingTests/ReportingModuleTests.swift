import Testing
@testable import Reporting

@Test func moduleName() {
    #expect(ReportingModule.name == "Reporting")
}
