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

    /// A check of `all`, with what rule runners need to know of it.
    struct Entry {
        /// The check.
        let check: any CodedCheck
        /// The check, when it judges only how a block is written.
        let syntaxCheck: (any BlockSyntaxCheck)?
        /// Its position in `all`: a number that stands for it in the process-wide tables of
        /// kept verdicts.
        let number: Int
    }

    /// `all` by name (the first check of each name), built once: rule runners look a check
    /// up for every rule of every module tree.
    private static let byName: [String: Entry] = Dictionary(
        all.indices.map { (all[$0].name, Entry(check: all[$0], syntaxCheck: all[$0] as? any BlockSyntaxCheck, number: $0)) },
        uniquingKeysWith: { first, _ in first })

    /// The check rule files call `name`.
    public static func named(_ name: String) -> (any CodedCheck)? {
        byName[name]?.check
    }

    /// The check rule files call `name`, with what rule runners need to know of it.
    static func entry(named name: String) -> Entry? {
        byName[name]
    }
}
