import JSON

extension JSONValue {
    /// A read-model document as the schema names it: every `_id` (the document's and embedded ones') also appears
    /// as `id`, just before it, with the same value.
    var withIDAlias: JSONValue {
        switch self {
        case .array(let items): return .array(items.map(\.withIDAlias))
        case .object(let members):
            var object = JSONObject(minimumCapacity: members.count + 1)
            for (key, value) in members {
                if key == "_id" { object.append("id", value.withIDAlias) }
                object.append(key, value.withIDAlias)
            }
            return .object(object)
        default: return self
        }
    }
}
