import JSON

extension JSONValue {
    /// The same value with every object's keys in sorted order: for comparing read models field for field where the
    /// order fields were first written in may differ (a document a dead run's late write recreated after the next
    /// run's reset starts with the fields of that write; readers address fields by name).
    var sortingKeys: JSONValue {
        switch self {
        case .object(let object): return .object(JSONObject(object.map { ($0.0, $0.1.sortingKeys) }.sorted { $0.0 < $1.0 }))
        case .array(let items): return .array(items.map(\.sortingKeys))
        default: return self
        }
    }
}
