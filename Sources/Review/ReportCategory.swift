/// The six sections of the failures-analysis report, in the report's order.
public enum ReportCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// 1. Infrastructure Architecture.
    case infrastructureArchitecture = "infrastructure-architecture"
    /// 2. Security Hardening.
    case securityHardening = "security-hardening"
    /// 3. Testing and Quality Assurance.
    case testingQualityAssurance = "testing-quality-assurance"
    /// 4. Code Quality and Standards.
    case codeQuality = "code-quality"
    /// 5. Operational Excellence.
    case operationalExcellence = "operational-excellence"
    /// 6. Lambda Handler.
    case lambdaHandler = "lambda-handler"

    /// The section's number in the report, 1 to 6.
    public var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    /// The section heading as the report prints it.
    public var title: String {
        switch self {
        case .infrastructureArchitecture: return "Infrastructure Architecture"
        case .securityHardening: return "Security Hardening"
        case .testingQualityAssurance: return "Testing and Quality Assurance"
        case .codeQuality: return "Code Quality and Standards"
        case .operationalExcellence: return "Operational Excellence"
        case .lambdaHandler: return "Lambda Handler"
        }
    }
}
