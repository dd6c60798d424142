import Stores

extension LSN {
    /// Sixteen hex digits: compares as text in the same order as the positions. The read models' position guards
    /// (documents' `_lsn`, Redis's Lua guards, the applied position) store this, since numbers in Lua and JSON are
    /// doubles and lose the low bits of a 64-bit position.
    public var sortableText: String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
