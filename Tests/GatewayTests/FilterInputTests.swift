import Foundation
import JSON
import Testing
@testable import Gateway

/// Bad filter input is the client's mistake: BAD_USER_INPUT naming the field, answered before any store is asked
/// (a bad date used to reach the search store and come back INTERNAL; a number matched everything). `users` and
/// `reviews` honour a consistency token like every other root field that reads the read models.
@Suite struct FilterInputTests {
    @Test func dateTimeInputTakesRFC3339Only() throws {
        let good: [(String, Int64)] = [
            ("1970-01-01", 0), ("2026-01-31T09:30:00Z", 1_769_851_800_000_000),
            ("2026-01-31T18:30:00.5+09:00", 1_769_851_800_500_000), ("2024-02-29", 1_709_164_800_000_000),
        ]
        for (text, micros) in good {
            #expect(try DateTimeInput.read(.string(text), field: "f")?.micros == micros, "\(text)")
        }
        #expect(try DateTimeInput.read(nil, field: "f") == nil)
        #expect(try DateTimeInput.read(.null, field: "f") == nil)
        let bad: [JSONValue] = [
            "garbage", "2026-13-45", "2026-02-30", "2025-02-29", "2026-1-31", "2026-01-31T25:00:00Z",
            "2026-01-31T09:30:00", "2026-01-31T09:30:00+0900", "2026-01-31T09:30:00.Z", "2026-01-31 09:30:00Z", "",
            .int(1234), .bool(true),
        ]
        for value in bad {
            #expect(throws: GatewayError.self, "\(value)") { try DateTimeInput.read(value, field: "f") }
        }
    }

    @Test func badFiltersAreTheClientsMistake() async throws {
        try await withGateway(sync: true) { gateway in
            let query = "query($f: GifticonFilter) { gifticons(filter: $f) { totalCount } }"
            let refused: [(filter: [String: Any], field: String)] = [
                (["createdFrom": "garbage"], "filter.createdFrom"),
                (["createdFrom": "2026-13-45"], "filter.createdFrom"),
                (["createdTo": 1234], "filter.createdTo"),
                (["createdFrom": "2026-02-01", "createdTo": "2026-01-01"], "filter.createdFrom"),
                (["minPrice": "5000", "maxPrice": "4000"], "filter.minPrice"),
                (["brandIds": ["x"]], "filter.brandIds"),
            ]
            for (filter, field) in refused {
                let reply = try await gateway.graphql(query, variables: ["f": filter])
                #expect(reply.codes == ["BAD_USER_INPUT"], "\(filter): \(reply.text)")
                #expect(reply.errors.first.flatMap { ($0["extensions"] as? [String: Any])?["field"] as? String } == field,
                        "\(filter): \(reply.text)")
            }
            for filter: [String: Any] in [["createdFrom": "2026-01-01"], ["createdFrom": "2026-01-31T18:30:00.5+09:00",
                                                                          "createdTo": "2026-02-01T00:00:00Z"]] {
                let reply = try await gateway.graphql(query, variables: ["f": filter])
                #expect(reply.errors.isEmpty && dig(reply.data, "gifticons.totalCount") is Int, "\(filter): \(reply.text)")
            }
        }
    }

    @Test func usersAndReviewsHonourConsistencyTokens() async throws {
        // The wait is bounded generously: in a loaded suite the test's own sync may take seconds to publish its
        // first applied position, and this asserts the token is waited for, not how fast the sync is.
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            for field in ["users", "reviews"] {
                let bad = try await gateway.graphql("{ \(field)(consistency: \"not a position\") { totalCount } }")
                #expect(bad.codes == ["BAD_USER_INPUT"], "\(field): \(bad.text)")
                // A position the sync reaches with its first transaction: answered, once it has, with no stale-read error.
                let applied = try await gateway.graphql("{ \(field)(consistency: \"0/1\") { totalCount } }")
                #expect(applied.errors.isEmpty && dig(applied.data, "\(field).totalCount") is Int, "\(field): \(applied.text)")
            }
        }
    }
}
