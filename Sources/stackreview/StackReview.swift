import ArgumentParser

@main
struct StackReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stackreview",
        abstract: "Reviews changes to Terraform and Lambda handler code between two Git revisions.",
        version: "0.1.0"
    )
}
