import HCL
import Terraform

/// The Python code a Lambda function deploys, as the cross-checks between handler and
/// Terraform see it: the handler reference, the facts of the handler file and of the other
/// `.py` files directly in the package folder, read from the same revision as the module.
struct HandlerPackageCode: Sendable {
    /// What the `handler` attribute names.
    var reference: LambdaHandlerReference
    /// The handler file's facts; nil when the file is missing or does not parse.
    var handlerFacts: HandlerCodeFacts?
    /// Whether the handler file exists.
    var handlerFileExists: Bool
    /// The facts of every parsed `.py` file of the package (the handler file included).
    var files: [HandlerCodeFacts]
    /// Whether every `.py` file of the package parsed.
    var allParsed: Bool

    /// The code of `function` (read and parsed once per module, shared by every check), or nil
    /// when it is not a Python function with a known package.
    init?(_ function: Subject, in context: CheckContext) {
        guard let code = context.handlerCode.code(of: function, in: context) else { return nil }
        self = code
    }

    /// Reads and parses the code of `function`; `HandlerCodeCache` calls this once per function.
    init?(reading function: Subject, in context: CheckContext) {
        guard let reference = context.handlerCode.reference(of: function, in: context),
              let source = context.module.context.fileSource else { return nil }
        self.reference = reference
        let package = context.handlerCode.package(of: function, in: context)
        var paths = Set(package.files.filter { $0.hasSuffix(".py") })
        for folder in package.folders {
            for name in source.fileNames(in: folder) where name.hasSuffix(".py") { paths.insert(folder.isEmpty ? name : folder + "/" + name) }
        }
        let handlerFile = source.readFile(at: reference.path)
        handlerFileExists = handlerFile != nil
        handlerFacts = handlerFile.flatMap { HandlerCodeCache.facts(path: reference.path, file: $0) }
        var files: [HandlerCodeFacts] = []
        var allParsed = true
        for path in paths.sorted() {
            // The handler file (usually one of them) is read and looked up once.
            if path == reference.path {
                guard handlerFile != nil else { continue }
                if let handlerFacts { files.append(handlerFacts) } else { allParsed = false }
                continue
            }
            guard let file = source.readFile(at: path) else { continue }
            if let facts = HandlerCodeCache.facts(path: path, file: file) { files.append(facts) } else { allParsed = false }
        }
        self.files = files
        self.allParsed = allParsed && (handlerFile == nil || handlerFacts != nil)
    }
}
