import Stores

extension LSN {
    /// Sixteen hex digits: compares as text in the same order as the positions (for Lua and JSON guards, where
    /// numbers are doubles and lose the low bits of a 64-bit position).
    public var sortableText: String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
