/// A path pattern as used in `.stackreview.yml`: `*` matches within one path segment, `**`
/// matches any number of whole segments, `?` one character, `[abc]` / `[a-z]` / `[!a]` a set.
/// Paths and patterns use `/`; a pattern without `/` matches the file name in any folder.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [Substring]
    private let anyFolder: Bool

    /// Creates a glob from `pattern`.
    public init(_ pattern: String) {
        self.pattern = pattern
        let trimmed = pattern.hasPrefix("./") ? pattern.dropFirst(2) : pattern[...]
        anyFolder = !trimmed.contains("/")
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// Whether `path` (repository-relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if anyFolder, let name = parts.last, let only = segments.first, segments.count == 1 {
            return Self.matchSegment(Array(only.unicodeScalars), Array(name.unicodeScalars))
        }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        // Iterative with one backtrack point per `**`, so long paths stay linear in practice.
        var patternIndex = pattern.startIndex, pathIndex = path.startIndex
        var starPattern: Int?, starPath = 0
        while pathIndex < path.endIndex {
            if patternIndex < pattern.endIndex, pattern[patternIndex] == "**" {
                starPattern = patternIndex
                starPath = pathIndex
                patternIndex += 1
            } else if patternIndex < pattern.endIndex,
                      matchSegment(Array(pattern[patternIndex].unicodeScalars), Array(path[pathIndex].unicodeScalars)) {
                patternIndex += 1
                pathIndex += 1
            } else if let star = starPattern {
                patternIndex = star + 1
                starPath += 1
                pathIndex = starPath
            } else {
                return false
            }
        }
        while patternIndex < pattern.endIndex, pattern[patternIndex] == "**" { patternIndex += 1 }
        return patternIndex == pattern.endIndex
    }

    /// Matches one segment with `*`, `?` and `[...]`, by dynamic programming over positions.
    static func matchSegment(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var states = Set([0])
        for scalar in text {
            var next = Set<Int>()
            for state in closure(states, pattern) where state < pattern.count {
                switch pattern[state] {
                case "*": next.insert(state)
                case "?": next.insert(state + 1)
                case "[":
                    if let (matched, end) = matchClass(pattern, from: state, scalar) {
                        if matched { next.insert(end) }
                    } else if scalar == "[" {
                        next.insert(state + 1)
                    }
                default: if pattern[state] == scalar { next.insert(state + 1) }
                }
            }
            if next.isEmpty { return false }
            states = next
        }
        return closure(states, pattern).contains(pattern.count)
    }

    private static func closure(_ states: Set<Int>, _ pattern: [Unicode.Scalar]) -> Set<Int> {
        var result = states
        var pending = Array(states)
        while let state = pending.popLast() {
            if state < pattern.count, pattern[state] == "*", result.insert(state + 1).inserted { pending.append(state + 1) }
        }
        return result
    }

    /// Whether `scalar` is in the class starting at `start`; nil when the class is not closed.
    private static func matchClass(_ pattern: [Unicode.Scalar], from start: Int, _ scalar: Unicode.Scalar) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < pattern.count, pattern[index] == "!" || pattern[index] == "^" { negated = true; index += 1 }
        var matched = false
        var first = true
        while index < pattern.count, pattern[index] != "]" || first {
            first = false
            let low = pattern[index]
            if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                if low.value <= scalar.value && scalar.value <= pattern[index + 2].value { matched = true }
                index += 3
            } else {
                if low == scalar { matched = true }
                index += 1
            }
        }
        guard index < pattern.count else { return nil }
        return (matched != negated, index + 1)
    }
}
