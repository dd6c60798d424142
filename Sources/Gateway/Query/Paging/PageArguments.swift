import GraphQLEngine
import JSON

/// A connection field's paging arguments: `first` items after the `after` cursor, or the `last` items before the
/// `before` cursor. Cursors are keyset positions (`Cursor`) checked against the list they are used on: its name, its
/// order and the arguments that choose its items.
struct PageArguments: Sendable {
    /// 1 to 100, default 20.
    var size: Int
    /// `last`/`before`: the page is read toward the start of the list (the store is asked in the reversed order).
    var backward: Bool
    /// The sort key of the item to continue from, in the direction of travel (`after`'s or `before`'s), nil at an end.
    var position: [JSONValue]?
    /// What a cursor of this list carries, and its cursors must carry back.
    var scope: String

    static let largest = 100
    static let pagingNames: Set<String> = ["first", "after", "last", "before", "consistency"]

    /// Reads the paging arguments of `args` for the list `list` (its name and, for a nested list, its parent) in
    /// `order`, sorted by the fields `sortKeys`.
    init(_ args: JSONObject, list: String, order: String, sortKeys: [String]) throws {
        scope = "\(list)|\(order)|\(Self.fingerprint(args))"
        let first = try Self.size(args["first"], field: "first")
        let last = try Self.size(args["last"], field: "last")
        let after = args["after"].flatMap(\.stringValue), before = args["before"].flatMap(\.stringValue)
        if first != nil && last != nil {
            throw GatewayError.badInput("Give first or last, not both.", field: "last")
        }
        if after != nil && before != nil {
            throw GatewayError.badInput("Give after or before, not both.", field: "before")
        }
        if before != nil && first != nil {
            throw GatewayError.badInput("before pages backward: give it with last, not first.", field: "before")
        }
        if after != nil && last != nil {
            throw GatewayError.badInput("after pages forward: give it with first, not last.", field: "after")
        }
        backward = last != nil || before != nil
        size = (backward ? last : first) ?? 20
        let cursor = backward ? before : after
        position = try cursor.map { try Cursor.key($0, scope: scope, sortKeys: sortKeys, field: backward ? "before" : "after") }
    }

    private static func size(_ value: JSONValue?, field: String) throws -> Int? {
        guard let value, !value.isNull else { return nil }
        guard let n = value.intValue, (1...largest).contains(n) else {
            throw GatewayError.badInput("\(field) must be between 1 and \(largest).", field: field)
        }
        return n
    }

    /// The cursor of an item whose sort key is `key`.
    func cursor(_ key: [JSONValue]) -> String { Cursor.make(scope: scope, key: key) }

    /// A short hash of the arguments that choose the list's items (all but paging and consistency), keys sorted: a
    /// cursor from the same list with another query or filter is refused rather than continued somewhere arbitrary.
    static func fingerprint(_ args: JSONObject) -> String {
        let chosen = JSONObject(args.filter { !pagingNames.contains($0.0) && !$0.1.isNull })
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical(.object(chosen)).jsonBytes() {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 36)
    }

    private static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): return .object(JSONObject(object.sorted { $0.0 < $1.0 }.map { ($0.0, canonical($0.1)) }))
        case .array(let items): return .array(items.map(canonical))
        default: return value
        }
    }
}
