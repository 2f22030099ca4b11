import Foundation
import Git
import Terraform

/// Walks the first-parent commits of a range, reviews each commit against its first parent
/// with the same rules and configuration semantics as `stackreview review`, and follows every
/// finding through the walk to build a `Changelog`.
///
/// Each step reads the configuration and rule files from its own base, as a review of that
/// commit would; the rules are loaded again only when those files change. Every step shares
/// one `ParsedFileCache` (each distinct blob is parsed once in the whole walk) and one
/// `ModuleAnalysisCache` (a commit's head modules and their findings are the next commit's
/// base). Suppression expiry is judged at the date of the range's last commit, not today, so
/// the same range always gives the same changelog. The test suite is judged at each revision on
/// its own (`ReviewOptions.judgeTestSuiteOnItsOwn`), so section 3 holds states such as coverage
/// below its target, never one commit's verdict against its parent; a commit that changes only
/// tests or coverage reports is reviewed too.
public struct ChangelogWalk {
    /// Which commits to walk.
    public enum Range: Sendable, Hashable {
        /// `A..B`, or `A...B` (from the merge base of A and B); an empty side means HEAD. A
        /// single revision is its whole first-parent history (a first release).
        case expression(String)
        /// From the latest tag reachable from HEAD to HEAD.
        case sinceTag
    }

    /// What to walk and how.
    public struct Request: Sendable {
        /// A folder inside the repository.
        public var path: String
        /// The range.
        public var range: Range
        /// `--config FILE`: its path and text, replacing the repository's file at every step.
        public var configuration: (path: String, text: String)?

        /// Creates a request.
        public init(path: String, range: Range, configuration: (path: String, text: String)? = nil) {
            self.path = path
            self.range = range
            self.configuration = configuration
        }
    }

    /// Parsed Terraform files of the whole walk, by blob id.
    public let parsedFiles: ParsedFileCache
    /// The last reviewed head's modules and findings.
    public let analysisCache: ModuleAnalysisCache

    /// A walk with its own caches (tests pass theirs to look at them afterwards).
    public init(parsedFiles: ParsedFileCache = ParsedFileCache(), analysisCache: ModuleAnalysisCache = ModuleAnalysisCache()) {
        self.parsedFiles = parsedFiles
        self.analysisCache = analysisCache
    }

    /// Walks the range and builds its changelog; `progress` is called after each commit with
    /// the number of commits done and the total.
    public func changelog(_ request: Request, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(ReviewError) -> Changelog {
        do {
            let repository = try Repository.discover(from: request.path)
            let range = try Self.resolve(request.range, in: repository)
            guard let headID = range.head.commitID else {
                throw ReviewError.usage("the changelog walks commits: name a range of commits such as v1.3.0..HEAD.")
            }
            let commits = Array(try repository.firstParentHistory(from: range.base.commitID, to: headID).reversed())
            let headCommit = try repository.commitInfo(headID)
            var tracker = ChangelogTracker()
            var setup: (sources: ReviewSetup.Sources, options: ReviewOptions)?
            for (index, commit) in commits.enumerated() {
                let step = try repository.resolve(.expression(commit.id.hex))
                let changeSet = try repository.changeSet(step)
                if ReviewEngine.needsReview(changeSet) || ReviewEngine.touchesTestSuite(changeSet) {
                    let sources = try ReviewSetup.sources(repository: repository, range: step, configurationText: request.configuration)
                    if setup?.sources != sources {
                        do throws(ReviewSetup.Failure) {
                            var options = try ReviewSetup.options(sources, reviewAll: false, today: headCommit.commitDay)
                            options.judgeTestSuiteOnItsOwn = true
                            setup = (sources, options)
                        } catch {
                            throw ReviewError.configurationAtCommit(error, commit: commit.id.short)
                        }
                        analysisCache.removeAll()
                    }
                    if var options = setup?.options {
                        // Judged on its own, an unchanged test suite gives the same findings at
                        // both sides: only a commit that touches it can change what is known.
                        options.collectMetrics = ReviewEngine.touchesTestSuite(changeSet)
                        let engine = ReviewEngine(repository: repository, options: options, parsedFiles: parsedFiles, analysisCache: analysisCache)
                        let result = try engine.review(step, changeSet: changeSet)
                        tracker.record(result, commit: commit)
                        analysisCache.keep(only: step.head)
                    }
                }
                progress(index + 1, commits.count)
            }
            return tracker.changelog(range: range, headCommit: headCommit, commits: commits)
        } catch let error as ReviewError {
            throw error
        } catch let error as GitError {
            throw .repository(error)
        } catch let error as ReviewSetup.Failure {
            throw .configuration(error)
        } catch {
            throw .repository(.libgit2(operation: "walk the history", message: "\(error)"))
        }
    }

    /// The two commits `range` names, with how the user named them.
    static func resolve(_ range: Range, in repository: Repository) throws(ReviewError) -> ResolvedRange {
        do {
            switch range {
            case .sinceTag:
                let head = try repository.headCommit()
                let tag = try repository.latestTag(reachableFrom: head, named: "HEAD")
                return ResolvedRange(base: .commit(tag.commit), head: .commit(head), description: tag.name + "..HEAD")
            case .expression(let raw):
                let text = raw.trimmingCharacters(in: .whitespaces)
                // One revision: its whole history, for a first release.
                guard text.contains("..") else { return ResolvedRange(base: .emptyTree, head: .commit(try repository.resolveCommit(text)), description: text) }
                return try repository.resolve(.expression(text))
            }
        } catch {
            throw .repository(error)
        }
    }
}
