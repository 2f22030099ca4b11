import Testing
@testable import Demo

@Test func moduleName() {
    #expect(DemoModule.name == "Demo")
}
