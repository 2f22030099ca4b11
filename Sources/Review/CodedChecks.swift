/// Every check written in Swift, listed once.
public enum CodedChecks {
    /// All coded checks.
    public static let all: [any CodedCheck] = [
        IAMAdministratorAccessCheck(),
        IAMWildcardActionsCheck(),
        IAMWildcardResourceWriteCheck(),
        IAMRiskyActionsCheck.privilegeEscalation,
        IAMRiskyActionsCheck.credentialsExposure,
        IAMRiskyActionsCheck.dataExfiltration,
        IAMRiskyActionsCheck.permissionsManagement,
        IAMRiskyActionsCheck.passRole,
        IAMServiceWildcardCheck.fullIAMAccess,
        PolicyPublicPrincipalCheck.resourcePolicies,
        PolicyPublicPrincipalCheck.trustPolicies,
        PolicyPublicPrincipalCheck.policyDocuments,
        GitHubOIDCTrustCheck(),
        APIOptionsMethodPublicCheck(),
        TrustPolicyWholeAccountCheck(),
        ResourcePolicyWildcardActionsCheck(),
        BucketPolicyLockoutCheck(),
        LambdaEnvironmentSecretsCheck(),
        VariableDefaultSecretCheck(),
        LogRetentionMinimumCheck(),
        VariableTypeCheck(),
        RequiredProvidersCheck(),
        ResourceTagsCheck(),
        ResourceNamePrefixCheck(),
        DeprecatedInterpolationCheck(),
        CriticalResourceOutputCheck(),
        CommentSyntaxCheck(),
        DeprecatedIndexCheck(),
        DeprecatedLookupCheck(),
        EmptyListEqualityCheck(),
        MapDuplicateKeysCheck(),
        ModuleSourceCheck.pinnedSource,
        ModuleSourceCheck.version,
        NamingConventionCheck(),
        RequiredVersionCheck(),
        StandardModuleStructureCheck(),
        UnusedDeclarationCheck(),
        UnusedRequiredProviderCheck(),
        WorkspaceRemoteCheck(),
        VariableSensitiveCheck(),
        HardcodedRegionAccountCheck(),
        JSONSyntaxCheck(),
        TerraformFmtCheck(),
        RestAPISingleStageCheck(),
        DynamoDBAutoScalingCheck(),
        LambdaLogGroupCheck(),
        MetricAlarmCoverageCheck.lambdaErrors,
        MetricAlarmCoverageCheck.lambdaThrottles,
        MetricAlarmCoverageCheck.apiServerErrors,
        SuppressionCommentCheck(),
        CoverageBelowTargetCheck(),
        CoverageFallingCheck(),
        TestsNotUpdatedCheck(),
        NoIntegrationTestsCheck(),
        TestsWithoutAssertionsCheck(),
        FewerTestsCheck(),
        // Python handler checks (`applies_to: [python_handler]`).
        HandlerErrorHandlingCheck(),
        HandlerBareExceptCheck(),
        HandlerSwallowedExceptionCheck(),
        HandlerErrorDetailCheck(),
        HandlerPrintCheck(),
        HandlerLoggerCheck(),
        HandlerEventLoggedCheck(),
        HandlerSecretFlowCheck(),
        HandlerHardcodedCredentialCheck(),
        HandlerResponseCheck.statusCode,
        HandlerResponseCheck.body,
        HandlerResponseCheck.headers,
        HandlerClientInHandlerCheck(),
        HandlerRiskyCallCheck.eval,
        HandlerRiskyCallCheck.shell,
        HandlerRiskyCallCheck.yamlLoad,
        HandlerRiskyCallCheck.pickle,
        HandlerRiskyCallCheck.tlsVerify,
        HandlerRiskyCallCheck.timeout,
        HandlerRiskyCallCheck.mktemp,
        HandlerRiskyCallCheck.weakHash,
        HandlerRiskyCallCheck.assert,
        // Cross-checks between a Python function's code and its Terraform.
        HandlerEntryPointCheck(),
        HandlerEnvironmentCheck.missing,
        HandlerEnvironmentCheck.unused,
        HandlerIAMCheck.missing,
        HandlerIAMCheck.unused,
    ]

    /// `all` by name (the first check of each name), built once: rule runners look a check
    /// up for every rule on every subject.
    private static let byName: [String: any CodedCheck] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The check rule files call `name`.
    public static func named(_ name: String) -> (any CodedCheck)? {
        byName[name]
    }

    /// The position in `all` of the first check of each name, built once.
    private static let numbersByName: [String: Int] = Dictionary(all.indices.map { (all[$0].name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The position in `all` of the check `named(name)` returns: a number that stands for it
    /// in the process-wide tables of kept verdicts.
    static func number(of name: String) -> Int? {
        numbersByName[name]
    }
}
