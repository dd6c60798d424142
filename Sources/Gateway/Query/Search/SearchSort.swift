import JSON

/// A search's order as index sort keys, the last of them the id: every order is total, so an item's sort values are
/// a keyset position (`search_after`) that stays put when other items come or go.
struct SearchSort: Sendable {
    /// The order's name in the API (part of every cursor's scope).
    let name: String
    let keys: [(field: String, descending: Bool)]

    static let score = "_score"

    /// The sort clause, reversed for a page read backward (missing values stay at the end of the list's own order).
    func body(backward: Bool) -> JSONValue {
        .array(keys.map { key in
            let descending = key.descending != backward
            var options: [(String, JSONValue)] = [("order", .string(descending ? "desc" : "asc"))]
            if key.field != Self.score { options.append(("missing", .string(backward ? "_first" : "_last"))) }
            return .object(JSONObject([(key.field, .object(JSONObject(options)))]))
        })
    }
}
