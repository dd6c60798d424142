import ReadModels
import Stores

extension CommittedTransaction {
    /// The position of the change at `index` within this transaction: the commit's position, then the change's
    /// place in it (4 hex digits), so two writes to one row in one transaction are ordered, not the second one
    /// mistaken for a replay of the first.
    public func position(ofChangeAt index: Int) -> String {
        let digits = String(index, radix: 16)
        return endLSN.sortableText + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
