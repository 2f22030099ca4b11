import Foundation
import Review
import TestSupport
import Testing

/// `stackreview hook install` / `uninstall` on hooks folders: what is written, kept, refused and
/// put back, byte for byte.
@Suite struct PrePushHookInstallationTests {
    /// The repository's top folder, found from this source file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A fresh hooks folder inside a sandbox.
    static func hooksFolder(_ sandbox: GitSandbox) -> PrePushHookInstallation {
        PrePushHookInstallation(hooksDirectory: sandbox.path("hooks"))
    }

    static func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func bytes(_ path: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: path))
    }

    static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    @Test func embeddedScriptIsTheRepositorysHooksPrePush() throws {
        let file = try String(contentsOfFile: Self.packageRoot + "/hooks/pre-push", encoding: .utf8)
        #expect(PrePushHookScript.text == file)
        #expect(file.split(separator: "\n")[1] == Substring(PrePushHookScript.marker))
        #expect(try Self.permissions(Self.packageRoot + "/hooks/pre-push") & 0o111 == 0o111)
    }

    @Test func installsIntoAMissingFolderAndIsIdempotent() throws {
        let sandbox = try GitSandbox()
        let installation = Self.hooksFolder(sandbox)
        #expect(installation.hookPath == sandbox.path("hooks/pre-push"))
        #expect(try installation.install() == .installed)
        #expect(try Self.bytes(installation.hookPath) == Data(PrePushHookScript.text.utf8))
        #expect(try Self.permissions(installation.hookPath) == 0o755)
        #expect(try installation.install() == .alreadyInstalled)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("hooks")) == ["pre-push"])

        #expect(try installation.uninstall() == .removed)
        #expect(!Self.exists(installation.hookPath))
        #expect(try installation.uninstall() == .notInstalled)
    }

    @Test func existingHookIsChainedAndRestoredByteForByte() throws {
        let sandbox = try GitSandbox()
        let installation = Self.hooksFolder(sandbox)
        let original: [UInt8] = Array("#!/bin/sh\n# mine\r\necho \"checking\" >&2\nexit 0".utf8) + [0xff, 0x0a]
        try sandbox.write(original, to: "hooks/pre-push")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: installation.hookPath)

        #expect(try installation.install() == .chained)
        #expect(installation.chainedHookPath == sandbox.path("hooks/pre-push.before-stackreview"))
        #expect(try Self.bytes(installation.chainedHookPath) == Data(original))
        #expect(try Self.permissions(installation.chainedHookPath) == 0o700)
        #expect(try Self.bytes(installation.hookPath) == Data(PrePushHookScript.text.utf8))
        #expect(try installation.install() == .alreadyInstalled)
        #expect(try Self.bytes(installation.chainedHookPath) == Data(original))

        #expect(try installation.uninstall() == .restored)
        #expect(try Self.bytes(installation.hookPath) == Data(original))
        #expect(try Self.permissions(installation.hookPath) == 0o700)
        #expect(!Self.exists(installation.chainedHookPath))
    }

    @Test func symbolicLinkHookIsKeptAsALink() throws {
        let sandbox = try GitSandbox()
        let installation = Self.hooksFolder(sandbox)
        try sandbox.write("#!/bin/sh\nexit 0\n", to: "tracked/pre-push.sh")
        try FileManager.default.createDirectory(atPath: sandbox.path("hooks"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: installation.hookPath, withDestinationPath: "../tracked/pre-push.sh")

        #expect(try installation.install() == .chained)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: installation.chainedHookPath) == "../tracked/pre-push.sh")
        #expect(try installation.uninstall() == .restored)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: installation.hookPath) == "../tracked/pre-push.sh")
    }

    @Test func earlierStackreviewHookIsUpdated() throws {
        let sandbox = try GitSandbox()
        let installation = Self.hooksFolder(sandbox)
        try sandbox.write("#!/bin/sh\n\(PrePushHookScript.marker)\nexec stackreview hook pre-push \"$@\"\n", to: "hooks/pre-push")
        #expect(try installation.install() == .updated)
        #expect(try Self.bytes(installation.hookPath) == Data(PrePushHookScript.text.utf8))
        #expect(try Self.permissions(installation.hookPath) == 0o755)
        #expect(!Self.exists(installation.chainedHookPath))
    }

    @Test func refusesWhenTheKeptHookIsAlreadyTaken() throws {
        let sandbox = try GitSandbox()
        let installation = Self.hooksFolder(sandbox)
        try sandbox.write("#!/bin/sh\necho current\n", to: "hooks/pre-push")
        try sandbox.write("#!/bin/sh\necho older\n", to: "hooks/pre-push.before-stackreview")
        #expect(throws: HookInstallationError.chainedHookExists(hook: installation.hookPath, saved: installation.chainedHookPath)) {
            try installation.install()
        }
        #expect(try Self.bytes(installation.hookPath) == Data("#!/bin/sh\necho current\n".utf8))
        #expect(try Self.bytes(installation.chainedHookPath) == Data("#!/bin/sh\necho older\n".utf8))
        let error = HookInstallationError.chainedHookExists(hook: "/r/.git/hooks/pre-push", saved: "/r/.git/hooks/pre-push.before-stackreview")
        #expect(error.description == """
            '/r/.git/hooks/pre-push' is not stackreview's hook, and '/r/.git/hooks/pre-push.before-stackreview' (where \
            stackreview keeps an existing hook so that it still runs) is taken too, so nothing was changed. Combine them by \
            hand: have your hook run `stackreview hook pre-push "$@"` with the same standard input Git gave your hook, or \
            move '/r/.git/hooks/pre-push.before-stackreview' away and run `stackreview hook install` again.
            """)
        #expect(error.exitStatus == 3)
    }

    @Test func uninstallRefusesAHookStackreviewDidNotInstall() throws {
        let sandbox = try GitSandbox()
        let installation = Self.hooksFolder(sandbox)
        try sandbox.write("#!/bin/sh\n# stackreview-managed-hook: pre-push (quoted in a comment)\nexit 0\n", to: "hooks/pre-push")
        #expect(throws: HookInstallationError.notInstalledByStackreview(hook: installation.hookPath)) {
            try installation.uninstall()
        }
        #expect(try Self.bytes(installation.hookPath) == Data("#!/bin/sh\n# stackreview-managed-hook: pre-push (quoted in a comment)\nexit 0\n".utf8))
        #expect(HookInstallationError.notInstalledByStackreview(hook: "/r/h/pre-push").description == """
            '/r/h/pre-push' was not installed by stackreview (it lacks the line '# stackreview-managed-hook: pre-push'), \
            so it was left as it is. Remove it yourself if you no longer want it.
            """)
    }

    @Test func hooksFolderThatIsAFileIsAnError() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("not a folder\n", to: "hooks")
        let installation = Self.hooksFolder(sandbox)
        #expect(throws: HookInstallationError.fileSystem(
            operation: "use", path: sandbox.path("hooks"), reason: "it is a file, not a folder (check core.hooksPath)")) {
            try installation.install()
        }
    }

    @Test func findsTheRepositorysHooksFolder() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.makeRepository()
        #expect(try PrePushHookInstallation(repositoryContaining: sandbox.path(repo)).hooksDirectory == sandbox.path("repo/.git/hooks"))
        try sandbox.git(["config", "core.hooksPath", "ci/hooks"], in: repo)
        #expect(try PrePushHookInstallation(repositoryContaining: sandbox.path(repo)).hooksDirectory == sandbox.path("repo/ci/hooks"))
        #expect(throws: HookInstallationError.repository(.notARepository(path: sandbox.path("nowhere")))) {
            try PrePushHookInstallation(repositoryContaining: sandbox.path("nowhere"))
        }
    }

    @Test func hookFindsTheBinaryTheWayTheScriptLooksItUp() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("#!/bin/sh\n", to: "bin/stackreview")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path("bin/stackreview"))
        #expect(PrePushHookInstallation.hookFindsBinary(environment: ["PATH": "/nonexistent:" + sandbox.path("bin")]))
        #expect(!PrePushHookInstallation.hookFindsBinary(environment: ["PATH": "/nonexistent"]))
        #expect(PrePushHookInstallation.hookFindsBinary(environment: ["PATH": "/nonexistent", "STACKREVIEW": sandbox.path("bin/stackreview")]))
        #expect(!PrePushHookInstallation.hookFindsBinary(environment: ["PATH": sandbox.path("bin"), "STACKREVIEW": sandbox.path("bin/missing")]))
        #expect(PrePushHookInstallation.hookFindsBinary(environment: ["PATH": "/nonexistent", "STACKREVIEW": ""]) == false)
    }
}
