import Stores

extension LSN {
    /// Sixteen hex digits: compares as text in the same order as the positions (for Lua and JSON guards, where
    /// numbers are doubles and lose the low bits of a 64-bit position).
    public var sortableText: String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension CommittedTransaction {
    /// The position of the change at `index` within this transaction: the commit's position, then the change's
    /// place in it (4 hex digits), so two writes to one row in one transaction are ordered, not the second one
    /// mistaken for a replay of the first.
    public func position(ofChangeAt index: Int) -> String {
        let digits = String(index, radix: 16)
        return endLSN.sortableText + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
