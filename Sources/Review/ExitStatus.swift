/// stackreview's process exit status, as documented in the README.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Nothing blocking was found.
    case success = 0
    /// A finding at or above `--fail-on` was introduced by the change.
    case findingsIntroduced = 1
    /// The command line or a configuration file is wrong.
    case usageError = 2
    /// The repository could not be read as asked.
    case repositoryError = 3
}
