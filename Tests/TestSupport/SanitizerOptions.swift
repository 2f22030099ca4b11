import Foundation

/// The sanitizer settings a sanitized test run (`scripts/sanitize`) gives to the processes it starts.
///
/// Under `scripts/sanitize` the stackreview binary is sanitized too, and a test may run it through
/// `git push` (the hook), a CI script or the binary itself, each with an environment of its own. Every
/// such environment gets the same options as the test process, so a sanitizer report fails the child
/// the way it fails the test, and an option the run turned off (LeakSanitizer, see README
/// "Reliability") stays off in the child.
public enum SanitizerOptions {
    /// The sanitizer variables of this process.
    public static let names = ["ASAN_OPTIONS", "TSAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"]

    /// `environment` with this process's sanitizer variables added where it does not set them.
    public static func inherited(into environment: [String: String]) -> [String: String] {
        var environment = environment
        let own = ProcessInfo.processInfo.environment
        for name in names {
            if let value = own[name], environment[name] == nil { environment[name] = value }
        }
        return environment
    }
}
