import Testing
@testable import HCL

@Test func moduleName() {
    #expect(HCLModule.name == "HCL")
}
