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
        /// For a block-syntax check, its position among the block-syntax checks of `all`: where
        /// `BlockSyntaxVerdicts` keeps its verdicts.
        let syntaxSlot: Int?
    }

    /// The entries of `all`, in order.
    private static let entries: [Entry] = {
        var syntaxChecks = 0
        return all.map { check in
            let syntaxCheck = check as? any BlockSyntaxCheck
            defer { if syntaxCheck != nil { syntaxChecks += 1 } }
            return Entry(check: check, syntaxCheck: syntaxCheck, syntaxSlot: syntaxCheck == nil ? nil : syntaxChecks)
        }
    }()

    /// How many checks of `all` are block-syntax checks.
    static let syntaxCheckCount = entries.count { $0.syntaxSlot != nil }

    /// `all` by name (the first check of each name), built once: rule runners look a check
    /// up for every rule of every module tree.
    private static let byName: [String: Entry] = Dictionary(entries.map { ($0.check.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The check rule files call `name`.
    public static func named(_ name: String) -> (any CodedCheck)? {
        byName[name]?.check
    }

    /// The check rule files call `name`, with what rule runners need to know of it.
    static func entry(named name: String) -> Entry? {
        byName[name]
    }
}
