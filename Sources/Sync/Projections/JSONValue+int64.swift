import JSON
import Stores

extension JSONValue {
    /// The integer, also from a double that holds one (MongoDB may answer either).
    var int64: Int64? {
        switch self {
        case .int(let value): return Int64(value)
        case .double(let value) where value == value.rounded(): return Int64(value)
        default: return nil
        }
    }
}
