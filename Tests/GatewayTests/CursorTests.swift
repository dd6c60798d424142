import JSON
import Testing
@testable import Gateway

/// Keyset cursors: opaque, bound to one list, order and set of arguments, and refused otherwise with the field named.
@Suite struct CursorTests {
    func page(_ args: JSONValue, list: String = "gifticons", order: String = "NEWEST") throws -> PageArguments {
        try PageArguments(args.objectValue!, list: list, order: order, sortKeys: ["createdAt", "id"])
    }

    @Test func aCursorContinuesItsOwnListWhateverTheConsistencyToken() throws {
        let first = try page(["query": "커피", "filter": ["brandIds": ["1", "2"], "minPrice": "100"]])
        let cursor = first.cursor([.int(1_700_000_000_000), .int(42)])
        #expect(!cursor.contains("=") && !cursor.contains("+") && !cursor.contains("/"), "URL-safe, unpadded")
        // Same arguments in another order, a consistency token, another page size: the same list.
        let next = try page(["first": 50, "consistency": "0/16B3740", "after": .string(cursor),
                             "filter": ["minPrice": "100", "brandIds": ["1", "2"]], "query": "커피"])
        #expect(next.position == [.int(1_700_000_000_000), .int(42)])
        #expect(next.size == 50 && !next.backward)
    }

    @Test func aCursorOfAnotherListOrderOrFilterIsRefused() throws {
        let sameThree = { (args: JSONValue, list: String, order: String) throws -> PageArguments in
            try PageArguments(args.objectValue!, list: list, order: order, sortKeys: ["_score", "createdAt", "id"])
        }
        let cursor = try sameThree(["query": "커피"], "gifticons", "RELEVANCE").cursor([.double(13.0), .int(1), .int(2)])
        #expect(try sameThree(["query": "커피", "after": .string(cursor)], "gifticons", "RELEVANCE").position?.count == 3)
        for (args, list, order) in [
            (["query": "라떼", "after": .string(cursor)] as JSONValue, "gifticons", "RELEVANCE"),
            (["query": "커피", "after": .string(cursor)], "Category/3/gifticons", "RELEVANCE"),
            (["query": "커피", "after": .string(cursor)], "gifticons", "NEWEST"),
        ] {
            #expect(throws: GatewayError.self) { try sameThree(args, list, order) }
        }
    }

    @Test func forgedAndMalformedCursorsAreBadInput() throws {
        let scope = try page([:]).scope
        for text in ["", "b2Zmc2V0OjEw", "!!!", String(repeating: "A", count: 2_000),
                     Cursor.make(scope: scope, key: [.int(1)]),                         // one value for a two-key order
                     Cursor.make(scope: scope, key: [(["$gt": 1] as JSONValue), .int(1)]),   // not a number
                     Cursor.make(scope: scope, key: ["2026-01-01", .int(1)]),              // a date as text
                     Cursor.make(scope: scope, key: [.double(1.5), .int(1)]),              // a fraction where an instant goes
                     Cursor.make(scope: scope, key: [.null, .int(1)])] {
            #expect(throws: GatewayError.self, "\(text.prefix(40))") { try page(["after": .string(text)]) }
        }
        #expect(throws: GatewayError.self) { try page(["first": 0]) }
        #expect(throws: GatewayError.self) { try page(["last": 101]) }
        #expect(throws: GatewayError.self) { try page(["first": 5, "before": "x"]) }
        let backward = try page(["last": 5])
        #expect(backward.backward && backward.size == 5 && backward.position == nil)
    }
}
