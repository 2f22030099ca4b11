import Git
import Testing
@testable import Reporting

@Suite struct ChangeSetReportTests {
    static let base = ObjectID(hex: "1111111111111111111111111111111111111111")!
    static let head = ObjectID(hex: "2222222222222222222222222222222222222222")!

    static func file(
        _ path: String, _ status: ChangeStatus, old: String? = nil, mode: FileMode = .regular,
        oldMode: FileMode? = .regular, binary: Bool = false, similarity: Int? = nil,
        added: [LineRange] = [], deleted: [LineRange] = []
    ) -> ChangedFile {
        ChangedFile(
            path: path, oldPath: old, status: status, kind: FileKind(path: path), mode: mode,
            oldMode: oldMode, isBinary: binary, isSkipped: mode == .submodule, similarity: similarity,
            oldBlobID: nil, newBlobID: nil, addedLines: added, deletedLines: deleted)
    }

    static let changeSet = ChangeSet(
        base: .commit(base), head: .commit(head), description: "1111111..2222222",
        files: [
            file("infra/main.tf", .modified, added: [LineRange(12, 18), LineRange(40, 40)], deleted: [LineRange(33, 34)]),
            file("lambda/handler.py", .added, oldMode: nil, added: [LineRange(1, 25)]),
            file("infra/new name.tf", .renamed, old: "infra/old.tf", similarity: 92, added: [LineRange(3, 3)]),
            file("bin/run", .modified, mode: .executable, oldMode: .regular),
            file("logo.png", .added, oldMode: nil, binary: true),
            file("vendor/lib", .added, mode: .submodule, oldMode: nil),
            file("evil\nname.tf", .deleted, deleted: [LineRange(1, 2)]),
        ])

    @Test func textListsEveryFileWithRangesAndNotes() {
        let text = ChangeSetTextReport().render(Self.changeSet, title: "main..feature")
        #expect(text == """
            Change set of main..feature = 1111111..2222222 (7 files)
              modified  infra/main.tf  terraform  added 12-18, 40  deleted 33-34
              added     lambda/handler.py  python source  added 1-25
              renamed   infra/old.tf → infra/new name.tf 92%  terraform  added 3
              modified  bin/run  other  (mode regular → executable)
              added     logo.png  other  (binary)
              added     vendor/lib  other  (submodule, skipped)
              deleted   evil\\nname.tf  terraform  deleted 1-2
            3 Terraform files, 1 handler source file, 3 other files.

            """)
    }

    @Test func emptyChangeSetSaysSo() {
        let empty = ChangeSet(base: .commit(Self.base), head: .commit(Self.base), description: "x", files: [])
        #expect(ChangeSetTextReport().render(empty, title: "HEAD") == "Change set of HEAD = 1111111..1111111 (0 files)\n  no files changed\n")
    }
}

@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(TerminalText.escape("plain/path.tf") == "plain/path.tf")
        #expect(TerminalText.escape("a\nb\tc\r") == "a\\nb\\tc\\r")
        #expect(TerminalText.escape("\u{1B}[31mred") == "\\u{1B}[31mred")
        #expect(TerminalText.escape("back\\slash") == "back\\\\slash")
        #expect(TerminalText.escape("rtl\u{202E}txt") == "rtl\\u{202E}txt")
        #expect(TerminalText.escape("données/é.tf") == "données/é.tf")
    }
}
