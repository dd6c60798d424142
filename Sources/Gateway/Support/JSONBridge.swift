import GraphQLEngine
import Stores

/// The stores' JSON (what MongoDB and the search index answer) and the engine's JSON (what resolvers hand the
/// executor) are two types of the same shape: these convert between them.
typealias StoreJSON = Stores.JSONValue
typealias GraphJSON = GraphQLEngine.JSONValue

extension Stores.JSONValue {
    /// The engine's JSON for this value; a document's `_id` also appears as `id`, the name the schema uses.
    var graphJSON: GraphJSON {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .list(items.map(\.graphJSON))
        case .object(let members):
            var object = JSONObject(minimumCapacity: members.count + 1)
            for (key, value) in members {
                if key == "_id" { object.append("id", value.graphJSON) }
                object.append(key, value.graphJSON)
            }
            return .object(object)
        }
    }
}

extension GraphQLEngine.JSONValue {
    /// The stores' JSON for this value (request variables on their way into a search query).
    var storeJSON: StoreJSON {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let items): return .array(items.map(\.storeJSON))
        case .object(let o): return .object(o.map { ($0.0, $0.1.storeJSON) })
        }
    }
}
