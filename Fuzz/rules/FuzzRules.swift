// libFuzzer entry point for rule files: every input is loaded as a stackreview rule (or a checkov
// YAML custom policy); a rule that loads has its examples run, which evaluates its check (every
// operator, regular expressions on the linear-time engine) against its own example Terraform.
// Built by Fuzz/rules/run.sh against the modules Fuzz/modules.sh builds.
import Review

/// Runs one fuzz input through the rule loader and, when it loads, its examples.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let rule = try? RuleLoader().load(yaml: text, file: ".stackreview/rules/fuzz.yml") else { return 0 }
    _ = RuleExampleRunner().failures(of: rule)
    return 0
}
