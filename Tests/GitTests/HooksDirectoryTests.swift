import Foundation
import Git
import TestSupport
import Testing

/// Where Git runs a repository's hooks from, and reading configuration variables, checked
/// against repositories the git command line configured.
@Suite struct HooksDirectoryTests {
    @Test func defaultIsTheHooksFolderOfTheGitDirectory() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.makeRepository()
        let repository = try Repository.discover(from: sandbox.path(repo))
        #expect(try repository.hooksDirectory() == sandbox.path("repo/.git/hooks"))
        #expect(repository.commonDirectory == sandbox.path("repo/.git"))
        #expect(try repository.configPath("core.hooksPath") == nil)
        #expect(try repository.configString("core.hooksPath") == nil)
    }

    @Test func relativeHooksPathIsTakenFromTheTopOfTheWorkingTree() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.makeRepository()
        try sandbox.git(["config", "core.hooksPath", ".githooks"], in: repo)
        try sandbox.write("x\n", to: "repo/sub/dir/file.txt")
        let repository = try Repository.discover(from: sandbox.path("repo/sub/dir"))
        #expect(try repository.configString("core.hooksPath") == ".githooks")
        #expect(try repository.hooksDirectory() == sandbox.path("repo/.githooks"))
    }

    @Test func hooksPathWithParentFolderIsNormalised() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.makeRepository()
        try sandbox.git(["config", "core.hooksPath", "./tools/../../shared-hooks/"], in: repo)
        let repository = try Repository.discover(from: sandbox.path(repo))
        #expect(try repository.hooksDirectory() == sandbox.path("shared-hooks"))
    }

    @Test func absoluteHooksPathIsUsedAsIs() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.makeRepository()
        try sandbox.git(["config", "core.hooksPath", sandbox.path("elsewhere/hooks")], in: repo)
        let repository = try Repository.discover(from: sandbox.path(repo))
        #expect(try repository.hooksDirectory() == sandbox.path("elsewhere/hooks"))
    }

    @Test func tildeHooksPathIsInTheHomeFolder() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.makeRepository()
        try sandbox.git(["config", "core.hooksPath", "~/git-hooks"], in: repo)
        let repository = try Repository.discover(from: sandbox.path(repo))
        // libgit2 expands `~` with the HOME of this process (the sandbox's HOME is only git's).
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        #expect(try repository.configString("core.hooksPath") == "~/git-hooks")
        #expect(try repository.hooksDirectory() == (home == "/" ? "" : home) + "/git-hooks")
    }

    @Test func bareRepositoryTakesRelativeHooksPathFromItsFolder() throws {
        let sandbox = try GitSandbox()
        try sandbox.git(["init", "-q", "--bare", sandbox.path("remote.git")], in: "")
        let bare = try Repository.open(at: sandbox.path("remote.git"))
        #expect(try bare.hooksDirectory() == sandbox.path("remote.git/hooks"))
        try sandbox.git(["config", "core.hooksPath", "custom"], in: "remote.git")
        let configured = try Repository.open(at: sandbox.path("remote.git"))
        #expect(try configured.hooksDirectory() == sandbox.path("remote.git/custom"))
    }

    @Test func linkedWorktreeSharesTheMainRepositorysHooks() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.makeRepository()
        try sandbox.write("a\n", to: "repo/a.txt")
        try sandbox.commitAll("first", in: repo)
        try sandbox.git(["worktree", "add", "-q", "-b", "other", sandbox.path("linked")], in: repo)
        let linked = try Repository.discover(from: sandbox.path("linked"))
        #expect(linked.gitDirectory == sandbox.path("repo/.git/worktrees/linked"))
        #expect(linked.commonDirectory == sandbox.path("repo/.git"))
        #expect(try linked.hooksDirectory() == sandbox.path("repo/.git/hooks"))

        // A relative core.hooksPath is taken from the top of the worktree Git runs in.
        try sandbox.git(["config", "core.hooksPath", ".githooks"], in: repo)
        let configured = try Repository.discover(from: sandbox.path("linked"))
        #expect(try configured.hooksDirectory() == sandbox.path("linked/.githooks"))
    }
}
