internal import CLibgit2

/// Initialises libgit2 exactly once per process; Swift runs a global's initialiser lazily and atomically.
private let libgit2Initialized: Void = {
    git_libgit2_init()
    // stackreview never talks to the network or to other users' configuration; no further setup is needed.
}()

/// Makes sure libgit2 is initialised before any other libgit2 call.
func ensureLibgit2Initialized() {
    _ = libgit2Initialized
}

/// The message of the last libgit2 error on this thread.
func lastLibgit2ErrorMessage() -> String {
    guard let error = git_error_last(), let message = error.pointee.message else {
        return "unknown libgit2 error"
    }
    return String(cString: message)
}

/// Throws a `GitError.libgit2` when `code` is a libgit2 error code.
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
    if code < 0 {
        throw GitError.libgit2(operation: operation(), message: lastLibgit2ErrorMessage())
    }
}

/// Whether a libgit2 return code means "not found".
func isNotFound(_ code: Int32) -> Bool {
    code == GIT_ENOTFOUND.rawValue
}

/// Owns one libgit2 object pointer and frees it when the owner goes away.
final class Libgit2Handle {
    /// The owned pointer.
    let pointer: OpaquePointer
    private let release: (OpaquePointer?) -> Void

    init(_ pointer: OpaquePointer, release: @escaping (OpaquePointer?) -> Void) {
        self.pointer = pointer
        self.release = release
    }

    deinit {
        release(pointer)
    }
}

extension ObjectID {
    /// Creates an id from libgit2's binary form.
    init(_ oid: git_oid) {
        var oid = oid
        let hex = withUnsafeBytes(of: &oid.id) { raw -> String in
            let digits: [UInt8] = Array("0123456789abcdef".utf8)
            var characters = [UInt8]()
            characters.reserveCapacity(raw.count * 2)
            for byte in raw {
                characters.append(digits[Int(byte >> 4)])
                characters.append(digits[Int(byte & 0x0f)])
            }
            return String(decoding: characters, as: UTF8.self)
        }
        self.init(uncheckedHex: hex)
    }

    /// libgit2's binary form of this id.
    var gitOID: git_oid {
        var oid = git_oid()
        _ = hex.withCString { git_oid_fromstrn(&oid, $0, hex.utf8.count) }
        return oid
    }
}

/// Converts a libgit2 file mode (`git_filemode_t` value) into a `FileMode`.
func fileMode(fromRaw raw: UInt32) -> FileMode? {
    switch raw {
    case GIT_FILEMODE_BLOB.rawValue, 0o100664: return .regular
    case GIT_FILEMODE_BLOB_EXECUTABLE.rawValue: return .executable
    case GIT_FILEMODE_LINK.rawValue: return .symlink
    case GIT_FILEMODE_COMMIT.rawValue: return .submodule
    default: return nil
    }
}
