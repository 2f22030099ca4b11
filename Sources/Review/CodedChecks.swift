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
        PolicyPublicPrincipalCheck.resourcePolicies,
        PolicyPublicPrincipalCheck.trustPolicies,
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
        RestAPISingleStageCheck(),
        LambdaLogGroupCheck(),
        MetricAlarmCoverageCheck.lambdaErrors,
        MetricAlarmCoverageCheck.lambdaThrottles,
        MetricAlarmCoverageCheck.apiServerErrors,
        SuppressionCommentCheck(),
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

    /// The check rule files call `name`.
    public static func named(_ name: String) -> (any CodedCheck)? {
        all.first { $0.name == name }
    }
}
