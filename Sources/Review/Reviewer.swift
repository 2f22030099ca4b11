import Git

/// Runs reviews against a repository on disk: the entry point the command line calls.
///
/// The repository is opened per call and never leaves it, so `Reviewer` holds no state.
public enum Reviewer {
    /// What to review and how.
    public struct Request: Sendable {
        /// A folder inside the repository.
        public var path: String
        /// The revisions.
        public var revisions: RevisionRequest
        /// `--config FILE`: its path and text.
        public var configuration: (path: String, text: String)?
        /// `--fail-on`: `.some(nil)` never fails.
        public var failOn: Severity??
        /// `--all`.
        public var reviewAll: Bool
        /// Today's date (`YYYY-MM-DD`).
        public var today: String
        /// Compute Key Metrics (tests, assertions, coverage).
        public var collectMetrics: Bool
        /// Never free the analysed modules (`ReviewOptions.keepsAnalysisUntilExit`): for a
        /// process that exits once the report is written.
        public var keepsAnalysisUntilExit = false

        /// Creates a request.
        public init(path: String, revisions: RevisionRequest, configuration: (path: String, text: String)? = nil, failOn: Severity?? = nil, reviewAll: Bool = false, today: String, collectMetrics: Bool = false) {
            self.path = path
            self.revisions = revisions
            self.configuration = configuration
            self.failOn = failOn
            self.reviewAll = reviewAll
            self.today = today
            self.collectMetrics = collectMetrics
        }
    }

    /// Reviews what the request selects.
    public static func review(_ request: Request) throws(ReviewError) -> (ReviewResult, ReviewOptions) {
        do {
            let repository = try Repository.discover(from: request.path)
            let range = try repository.resolve(request.revisions)
            let changeSet = try repository.changeSet(range)
            let options = try setup(repository, range, request, loadRules: request.reviewAll || ReviewEngine.needsReview(changeSet))
            return (try ReviewEngine(repository: repository, options: options).review(range, changeSet: changeSet), options)
        } catch let error as GitError {
            throw .repository(error)
        } catch let error as ReviewSetup.Failure {
            throw .configuration(error)
        } catch {
            throw .repository(.libgit2(operation: "review", message: "\(error)"))
        }
    }

    /// Reviews each ref of a push, given the pre-push hook's standard input and remote name.
    public static func reviewPush(_ request: Request, remoteName: String, standardInput: String) throws(ReviewError) -> ([PrePushReview], ReviewOptions?) {
        do {
            let repository = try Repository.discover(from: request.path)
            var reviews: [PrePushReview] = []
            var lastOptions: ReviewOptions?
            for update in try repository.prePushUpdates(standardInput: standardInput, remoteName: remoteName) {
                guard let range = update.range else {
                    reviews.append(PrePushReview(update: update, review: nil))
                    continue
                }
                let changeSet = try repository.changeSet(range)
                let options = try setup(repository, range, request, loadRules: ReviewEngine.needsReview(changeSet))
                lastOptions = options
                reviews.append(PrePushReview(update: update, review: try ReviewEngine(repository: repository, options: options).review(range, changeSet: changeSet)))
            }
            return (reviews, lastOptions)
        } catch let error as GitError {
            throw .repository(error)
        } catch let error as ReviewSetup.Failure {
            throw .configuration(error)
        } catch {
            throw .repository(.libgit2(operation: "review the push", message: "\(error)"))
        }
    }

    private static func setup(_ repository: Repository, _ range: ResolvedRange, _ request: Request, loadRules: Bool) throws(ReviewSetup.Failure) -> ReviewOptions {
        var options = try ReviewSetup.options(
            repository: repository, range: range, configurationText: request.configuration, failOn: request.failOn,
            reviewAll: request.reviewAll, today: request.today, loadRules: loadRules)
        options.collectMetrics = request.collectMetrics
        options.keepsAnalysisUntilExit = request.keepsAnalysisUntilExit
        return options
    }
}

/// Why a review could not run, with the exit status it maps to.
public enum ReviewError: Error, Sendable, CustomStringConvertible {
    /// The repository could not be read as asked (exit 3, or 2 for a malformed range).
    case repository(GitError)
    /// The configuration or a rule file is invalid (exit 2).
    case configuration(ReviewSetup.Failure)
    /// The configuration or a rule file read for one commit of a walk is invalid (exit 2).
    case configurationAtCommit(ReviewSetup.Failure, commit: String)
    /// The request itself cannot be carried out as given (exit 2); the message says what to give.
    case usage(String)

    /// The process exit status.
    public var exitStatus: Int32 {
        switch self {
        case .repository(let error): return error.exitCode
        case .configuration, .configurationAtCommit, .usage: return ExitStatus.usageError.rawValue
        }
    }

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .repository(let error): return error.message
        case .configuration(let failure): return failure.description
        case .configurationAtCommit(let failure, let commit):
            return "The configuration read for commit \(commit) (from its first parent) is invalid:\n" + failure.description
        case .usage(let message): return message
        }
    }
}
