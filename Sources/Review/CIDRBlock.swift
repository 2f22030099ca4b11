/// An IPv4 or IPv6 network in CIDR notation, such as `10.0.0.0/8` or `2001:db8::/32`.
///
/// A bare address is a single-address network (`/32` or `/128`).
public struct CIDRBlock: Sendable, Hashable {
    /// The address as 16 bytes (IPv4 in the IPv4-mapped IPv6 form `::ffff:a.b.c.d`).
    public let address: [UInt8]
    /// The prefix length counted over the 128-bit form (IPv4 `/n` is stored as `96 + n`).
    public let prefixLength: Int
    /// Whether the block was written as IPv4.
    public let isIPv4: Bool

    /// Parses `text`, returning nil when it is not a CIDR block or address.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let addressText = parts.first else { return nil }
        let isIPv4 = addressText.contains(".") && !addressText.contains(":")
        guard let bytes = isIPv4 ? Self.parseIPv4(addressText) : Self.parseIPv6(addressText) else { return nil }
        let maximum = isIPv4 ? 32 : 128
        var length = maximum
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...maximum).contains(value), parts[1].allSatisfy(\.isASCII) else { return nil }
            length = value
        }
        self.address = isIPv4 ? Array(repeating: 0, count: 10) + [0xFF, 0xFF] + bytes : bytes
        self.prefixLength = isIPv4 ? 96 + length : length
        self.isIPv4 = isIPv4
    }

    /// Whether every address of `other` lies inside this block.
    public func contains(_ other: CIDRBlock) -> Bool {
        guard other.prefixLength >= prefixLength else { return false }
        var remaining = prefixLength
        for index in 0..<16 where remaining > 0 {
            let bits = min(8, remaining)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if address[index] & mask != other.address[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = UInt8(octet) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
