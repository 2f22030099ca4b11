/// The output formats `stackreview review` can write.
///
/// An `enum` so that an unknown format is a usage error at the command line, never a silent
/// fallback to another format.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Plain text for a terminal or a log.
    case text
    /// A versioned JSON document (see `ReviewJSONReport`).
    case json
    /// The change set only: each changed file with its kind and changed line ranges, to see
    /// what the review starts from.
    case changes
}
