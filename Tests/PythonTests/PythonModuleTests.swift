import Testing
@testable import Python

@Test func moduleName() {
    #expect(PythonModule.name == "Python")
}
