/// A Redis reply, converted out of hiredis's reply struct.
public enum RedisValue: Sendable, Equatable {
    case null
    case string(String)
    case integer(Int64)
    case array([RedisValue])
    case status(String)

    public var string: String? {
        switch self {
        case .string(let s), .status(let s): return s
        case .integer(let i): return String(i)
        default: return nil
        }
    }

    public var integer: Int64? {
        switch self {
        case .integer(let i): return i
        case .string(let s): return Int64(s)
        default: return nil
        }
    }

    public var array: [RedisValue]? { if case .array(let a) = self { return a }; return nil }
}
