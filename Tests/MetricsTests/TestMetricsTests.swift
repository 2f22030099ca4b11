import Testing
@testable import Metrics

@Test func totalCountsUnitAndIntegrationTests() {
    #expect(TestMetrics(unitTests: 67, integrationTests: 25).totalTests == 92)
}
