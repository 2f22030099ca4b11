import Testing
import Git

// The git-layer branch brings the full Git test suite; this keeps the target non-empty until then.
@Test func classifiesTerraform() {
    #expect(FileKind(path: "infra/main.tf") == .terraform)
}
