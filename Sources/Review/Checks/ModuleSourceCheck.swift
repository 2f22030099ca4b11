import HCL
import Terraform

/// Checks how a module call names its source, as tflint does.
///
/// - `module-pinned-source`: a Git or Mercurial source (`git::…`, `github.com/…`,
///   `git@github.com:…`, `bitbucket.org/…`, `hg::…`) must pin a revision (`?ref=` / `?rev=`),
///   and not a default branch (`main`, `master`, `default`, `develop`).
/// - `module-version`: a registry source (`namespace/name/provider`, optionally behind a
///   host) must have a `version` constraint.
///
/// Local paths and archives (`s3::`, `https://…zip`) are left alone; so is a source that is
/// not a literal string.
struct ModuleSourceCheck: CodedCheck {
    enum Requirement { case pinnedRevision, registryVersion }

    let name: String
    let requirement: Requirement

    static let pinnedSource = ModuleSourceCheck(name: "module-pinned-source", requirement: .pinnedRevision)
    static let version = ModuleSourceCheck(name: "module-version", requirement: .registryVersion)

    static let defaultBranches: Set<String> = ["main", "master", "default", "develop"]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .moduleCall, let source = subject.body.attribute("source"),
              let address = source.expression.staticString else { return [] }
        switch requirement {
        case .pinnedRevision:
            guard let key = Self.revisionKey(of: address) else { return [] }
            let revision = Self.queryValue(key, in: address)
            if let revision, !revision.isEmpty, !Self.defaultBranches.contains(revision) { return [] }
            let problem = revision.map { $0.isEmpty ? "an empty `\(key)`" : "the default branch `\($0)`" } ?? "no `?\(key)=`"
            return [CodedVerdict(.fail(FailureLocation(range: source.expression.range, attributePath: "source")), arguments: ["problem": problem])]
        case .registryVersion:
            guard Self.isRegistry(address) else { return [] }
            if let version = subject.body.attribute("version"), version.expression.staticString != "" { return [] }
            return [CodedVerdict(.fail(FailureLocation(range: source.expression.range, attributePath: "version")), arguments: ["source": address])]
        }
    }

    /// `ref` for Git sources, `rev` for Mercurial, nil for anything else.
    static func revisionKey(of address: String) -> String? {
        if address.hasPrefix("hg::") { return "rev" }
        let git = ["git::", "github.com/", "git@github.com:", "bitbucket.org/", "git@bitbucket.org:"]
        return git.contains(where: { address.hasPrefix($0) }) ? "ref" : nil
    }

    /// The value of `key` in the address's query string, nil when it has none.
    static func queryValue(_ key: String, in address: String) -> String? {
        guard let query = address.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first == Substring(key) { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }

    /// A module registry address: `namespace/name/provider` or `host/namespace/name/provider`,
    /// optionally followed by `//subdir`.
    static func isRegistry(_ address: String) -> Bool {
        if address.hasPrefix("./") || address.hasPrefix("../") || address.hasPrefix("/") || address.contains("::")
            || address.contains("://") || address.contains("?") || address.hasPrefix("git@") { return false }
        let main = address.components(separatedBy: "//").first ?? address
        let parts = main.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        if parts.count == 4 { return parts[0].contains(".") && !["github.com", "bitbucket.org"].contains(String(parts[0])) }
        return !parts[0].contains(".")
    }
}
