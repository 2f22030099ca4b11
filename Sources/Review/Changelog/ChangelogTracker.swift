import Git

/// Follows each finding identity through the reviews of a walk, in commit order, and decides
/// what the changelog says of it (see `Changelog` for the rules).
struct ChangelogTracker {
    enum Event { case introduced, resolved, removed }

    /// What is known of one finding identity so far.
    struct Track {
        var first: Event
        var last: Event
        var finding: Finding
        var commit: CommitInfo
        var commitIndex: Int
        var locationCommit: ObjectID
        var lastFix: CommitInfo?
    }

    private var tracks: [FindingIdentity: Track] = [:]
    private var problems: [String: [ChangelogProblem]] = [:]
    private var reviewed = 0

    /// Records one commit's review (against its first parent).
    mutating func record(_ result: ReviewResult, commit: CommitInfo) {
        reviewed += 1
        let parent = commit.firstParent ?? commit.id
        // A rename in this commit (`moved`, a Git rename): each finding's history follows it to
        // the new identity, so a finding introduced under the old name and fixed under the new one
        // is fixed within the range, not an improvement plus an open finding.
        let carried = result.comparison.carriedIdentities
        for (old, new) in carried where tracks[new] == nil {
            if let track = tracks.removeValue(forKey: old) { tracks[new] = track }
        }
        for finding in result.comparison.resolved {
            update(finding, .resolved, key: carried[finding.identity] ?? finding.identity, commit: commit, location: parent)
        }
        for finding in result.comparison.introduced {
            update(finding, .introduced, key: finding.identity, commit: commit, location: commit.id)
        }
        for finding in result.comparison.persisting where tracks[finding.identity]?.last == .introduced {
            // Still open: keep the introducing commit, refresh the location.
            tracks[finding.identity]?.finding = finding
            tracks[finding.identity]?.locationCommit = commit.id
        }
        for finding in result.comparison.removed {
            update(finding, .removed, key: carried[finding.identity] ?? finding.identity, commit: commit, location: parent)
        }
        // A file's problems are those of the last review that changed the file or reported on it.
        for file in result.changeSet.files {
            for path in [file.path, file.oldPath].compactMap({ $0 }) { problems[path] = nil }
        }
        for (file, found) in Dictionary(grouping: result.problems, by: \.file) {
            let known = problems[file] ?? []
            problems[file] = found.map { problem in known.first { $0.problem == problem } ?? ChangelogProblem(problem: problem, commit: commit) }
        }
    }

    /// Records `event` for `finding` in the track kept under `identity` (its head identity).
    private mutating func update(_ finding: Finding, _ event: Event, key identity: FindingIdentity, commit: CommitInfo, location: ObjectID) {
        guard var track = tracks[identity] else {
            tracks[identity] = Track(
                first: event, last: event, finding: finding, commit: commit, commitIndex: reviewed, locationCommit: location,
                lastFix: event == .resolved ? commit : nil)
            return
        }
        track.last = event
        track.finding = finding
        track.commit = commit
        track.commitIndex = reviewed
        track.locationCommit = location
        if event == .resolved { track.lastFix = commit }
        tracks[identity] = track
    }

    /// The changelog of everything recorded.
    func changelog(range: ResolvedRange, headCommit: CommitInfo, commits: [CommitInfo]) -> Changelog {
        var improvements: [Track] = [], open: [Track] = []
        var fixedWithinRange = 0
        for track in tracks.values {
            switch (track.first, track.last) {
            case (.resolved, .resolved): improvements.append(track)
            case (_, .resolved): fixedWithinRange += 1
            case (_, .introduced): open.append(track)
            case (_, .removed): break
            }
        }
        func entries(_ tracks: [Track], open: Bool) -> [ChangelogEntry] {
            tracks.sorted(by: Self.order).map {
                ChangelogEntry(finding: $0.finding, commit: $0.commit, locationCommit: $0.locationCommit, fixedEarlierBy: open ? $0.lastFix : nil)
            }
        }
        let problemList = problems.values.flatMap { $0 }.sorted { $0.problem < $1.problem }
        return Changelog(
            range: range, headCommit: headCommit, commits: commits, improvements: entries(improvements, open: false),
            open: entries(open, open: true), fixedWithinRange: fixedWithinRange, problems: problemList)
    }

    /// Report section, then commit order, then most severe first, then identity.
    static func order(_ lhs: Track, _ rhs: Track) -> Bool {
        let left = lhs.finding, right = rhs.finding
        if left.category != right.category { return left.category.number < right.category.number }
        if lhs.commitIndex != rhs.commitIndex { return lhs.commitIndex < rhs.commitIndex }
        if left.severity != right.severity { return left.severity > right.severity }
        return left.identity < right.identity
    }
}
