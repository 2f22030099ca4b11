// libFuzzer entry point for `.stackreview.yml`: every input is loaded as a configuration; one that
// loads has its path globs matched against a few paths and its rule settings applied to a rule set.
// Built by Fuzz/config/run.sh against the modules Fuzz/modules.sh builds.
import Review

/// The built-in rules, loaded once.
let builtinRules = BuiltinRules.load().rules

/// Paths the configuration's globs are matched against.
let samplePaths = ["infra/main.tf", "lambda/handler.py", "a/b/c/d/e/f/g.tf", "", ".stackreview.yml", "x/**/y"]

/// Runs one fuzz input through the configuration loader and what uses its result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let configuration = try? Configuration.load(yaml: text, file: ".stackreview.yml") else { return 0 }
    for path in samplePaths {
        _ = configuration.includes(path)
        for glob in configuration.handlerGlobs { _ = glob.matches(path) }
    }
    _ = RuleSet(rules: builtinRules, configuration: configuration)
    return 0
}
