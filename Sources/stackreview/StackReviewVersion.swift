/// The version `stackreview --version` prints.
enum StackReviewVersion {
    static let current = "0.1.0"
}
