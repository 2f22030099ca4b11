/// Maps byte offsets to line and column, for one source buffer.
///
/// Line breaks are `\n`, `\r\n` and a lone `\r`. A UTF-8 byte order mark at the start is not
/// counted in line 1's columns, as in CPython.
struct LineTable: Sendable {
    /// The byte offset where each line starts; `starts[0]` is after any byte order mark.
    private(set) var starts: [Int]

    init(bytes: [UInt8]) {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 1)
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        starts.append(hasBOM ? 3 : 0)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.starts = starts
    }

    /// The location of a byte offset (clamped to the start of line 1).
    func location(_ offset: Int) -> SourceLocation {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: max(0, offset - starts[low]), offset: offset)
    }

    /// The location of a byte offset, starting the search at line index `hint` (updated to
    /// the line found): fast when offsets are looked up in increasing order.
    func location(_ offset: Int, hint: inout Int) -> SourceLocation {
        var line = min(max(hint, 0), starts.count - 1)
        if starts[line] > offset {
            let found = location(offset)
            hint = found.line - 1
            return found
        }
        var steps = 0
        while line + 1 < starts.count && starts[line + 1] <= offset {
            line += 1
            steps += 1
            if steps > 8 {
                let found = location(offset)
                hint = found.line - 1
                return found
            }
        }
        hint = line
        return SourceLocation(line: line + 1, column: max(0, offset - starts[line]), offset: offset)
    }

    /// The range between two byte offsets.
    func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: location(start), end: location(end))
    }
}
