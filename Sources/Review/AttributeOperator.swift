/// The operators of an attribute condition: every operator of checkov's YAML custom policies
/// that stackreview supports, with checkov's spelling as the raw value.
public enum AttributeOperator: String, Sendable, Hashable, CaseIterable {
    /// The value equals the operand (strings, numbers, booleans; `"true"` equals `true`).
    case equals
    /// The value does not equal the operand.
    case notEquals = "not_equals"
    /// Equal ignoring letter case.
    case equalsIgnoreCase = "equals_ignore_case"
    /// Not equal ignoring letter case.
    case notEqualsIgnoreCase = "not_equals_ignore_case"
    /// The attribute is set (and not null).
    case exists
    /// The attribute is absent or null.
    case notExists = "not_exists"
    /// Some element (of a `*` path) equals the operand.
    case any
    /// A string contains the operand, or a list/map has it as an element/key.
    case contains
    /// The negation of `contains`.
    case notContains = "not_contains"
    /// The value is one of the operand's elements.
    case within
    /// The value is none of the operand's elements.
    case notWithin = "not_within"
    /// The string starts with the operand.
    case startingWith = "starting_with"
    /// The string does not start with the operand.
    case notStartingWith = "not_starting_with"
    /// The string ends with the operand.
    case endingWith = "ending_with"
    /// The string does not end with the operand.
    case notEndingWith = "not_ending_with"
    /// The string matches the operand, a regular expression, anywhere.
    case regexMatch = "regex_match"
    /// The string does not match the regular expression.
    case notRegexMatch = "not_regex_match"
    /// Numerically greater than the operand.
    case greaterThan = "greater_than"
    /// Numerically greater than or equal to the operand.
    case greaterThanOrEqual = "greater_than_or_equal"
    /// Numerically less than the operand.
    case lessThan = "less_than"
    /// Numerically less than or equal to the operand.
    case lessThanOrEqual = "less_than_or_equal"
    /// Every element of the value is in the operand list.
    case subset
    /// Some element of the value is not in the operand list.
    case notSubset = "not_subset"
    /// The value is an empty string, list or map.
    case isEmpty = "is_empty"
    /// The value is a non-empty string, list or map.
    case isNotEmpty = "is_not_empty"
    /// The length equals the operand.
    case lengthEquals = "length_equals"
    /// The length differs from the operand.
    case lengthNotEquals = "length_not_equals"
    /// The length is greater than the operand.
    case lengthGreaterThan = "length_greater_than"
    /// The length is at least the operand.
    case lengthGreaterThanOrEqual = "length_greater_than_or_equal"
    /// The length is less than the operand.
    case lengthLessThan = "length_less_than"
    /// The length is at most the operand.
    case lengthLessThanOrEqual = "length_less_than_or_equal"
    /// The value is `true` (or the string `"true"`).
    case isTrue = "is_true"
    /// The value is `false` (or the string `"false"`).
    case isFalse = "is_false"
    /// The value and the operand list share an element.
    case intersects
    /// The value and the operand list share no element.
    case notIntersects = "not_intersects"
    /// A port range such as `"0-1024"` or `22` (or a list of them) includes the operand port.
    case rangeIncludes = "range_includes"
    /// No range in the value includes the operand port.
    case rangeNotIncludes = "range_not_includes"
    /// Every CIDR in the value lies inside one of the operand CIDRs.
    case cidrRangeSubset = "cidr_range_subset"
    /// Some CIDR in the value lies outside every operand CIDR.
    case cidrRangeNotSubset = "cidr_range_not_subset"

    /// Whether the operator needs a `value` operand.
    public var takesOperand: Bool {
        switch self {
        case .exists, .notExists, .isEmpty, .isNotEmpty, .isTrue, .isFalse: return false
        default: return true
        }
    }
}
