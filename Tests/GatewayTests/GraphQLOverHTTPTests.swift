import Foundation
import Testing
@testable import Gateway

/// GraphQL over HTTP: media types, status codes and bad input, against a gateway on the real read-side stores
/// (empty read models: these tests are about the protocol).
@Suite struct GraphQLOverHTTPTests {
    @Test func mediaTypesAndStatusCodes() async throws {
        try await withGateway(sync: false) { gateway in

            // Negotiated from Accept: the spec's type, the legacy type, and application/json without Accept.
            var reply = try await gateway.graphql("{ __typename }")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type")?.hasPrefix("application/graphql-response+json") == true)
            #expect(dig(reply.data, "__typename") as? String == "Query")
            reply = try await gateway.graphql("{ __typename }", accept: "application/json")
            #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
            reply = try await gateway.send(headers: ["Content-Type": "application/json"], body: Data(#"{"query":"{ __typename }"}"#.utf8))
            #expect(reply.status == 200 && reply.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(reply.header("X-Request-ID")?.isEmpty == false)
            reply = try await gateway.graphql("{ __typename }", accept: "text/plain")
            #expect(reply.status == 406)

            // GET for queries (variables as JSON text, + for spaces), 405 with Allow for a mutation.
            let get = "?query=query+Q(%24id%3AID!)%7Bgifticon(id%3A%24id)%7Bid%7D%7D&variables=%7B%22id%22%3A%227%22%7D"
            reply = try await gateway.send("GET", query: get, headers: ["Accept": "application/graphql-response+json"])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.object["data"] is [String: Any])
            reply = try await gateway.send("GET", query: "?query=mutation%7BcreateTag(input%3A%7Bname%3A%22a%22%2Cslug%3A%22a%22%7D)%7BtagId%7D%7D",
                                           headers: ["Accept": "application/json"])
            #expect(reply.status == 405)
            #expect(reply.header("Allow") == "POST")

            // GraphiQL for a browser.
            reply = try await gateway.send("GET", headers: ["Accept": "text/html,application/xhtml+xml,*/*;q=0.8"])
            #expect(reply.status == 200 && reply.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(reply.text.contains("GraphiQL"))
        }
    }

    @Test func badInputGetsTheRightStatusPromptly() async throws {
        try await withGateway(sync: false, configure: { $0.maxBodyBytes = 64 * 1024 }) { gateway in
            let spec = ["Content-Type": "application/json", "Accept": "application/graphql-response+json"]

            // Malformed JSON.
            var reply = try await gateway.send(headers: spec, body: Data(#"{"query": "{ __typename }""#.utf8))
            #expect(reply.status == 400)
            #expect(reply.errors.first?["message"] as? String != nil)
            // A wrong content type.
            reply = try await gateway.send(headers: ["Content-Type": "text/plain", "Accept": "application/json"], body: Data("{ __typename }".utf8))
            #expect(reply.status == 415)
            // application/graphql bodies are accepted.
            reply = try await gateway.send(headers: ["Content-Type": "application/graphql"], body: Data("{ __typename }".utf8))
            #expect(reply.status == 200 && dig(reply.data, "__typename") as? String == "Query")
            // An oversized body.
            let huge = Data((#"{"query":"{ __typename }","variables":{"pad":""# + String(repeating: "x", count: 100_000) + #""}}"#).utf8)
            reply = try await gateway.send(headers: spec, body: huge)
            #expect(reply.status == 413)
            // No query.
            reply = try await gateway.send(headers: spec, body: Data(#"{"variables":{}}"#.utf8))
            #expect(reply.status == 400)
            // A syntax error: 400 with the spec's type, 200 with application/json; no data either way.
            reply = try await gateway.graphql("{ gifticon(id: ) { id } ")
            #expect(reply.status == 400)
            #expect(reply.codes == ["GRAPHQL_PARSE_FAILED"])
            #expect(reply.object["data"] == nil)
            reply = try await gateway.graphql("{ gifticon(id: ) { id } ", accept: "application/json")
            #expect(reply.status == 200 && reply.codes == ["GRAPHQL_PARSE_FAILED"])
            // A validation error.
            reply = try await gateway.graphql("{ gifticon(id: \"1\") { nope } }")
            #expect(reply.status == 400 && reply.codes == ["GRAPHQL_VALIDATION_FAILED"])
            // Invalid variables.
            reply = try await gateway.graphql("query($id: ID!) { gifticon(id: $id) { id } }", variables: ["id": ["not", "an", "id"]])
            #expect(reply.status == 400 && reply.codes == ["BAD_USER_INPUT"], "\(reply.text)")
            reply = try await gateway.graphql("query($id: ID!) { gifticon(id: $id) { id } }")
            #expect(reply.status == 400 && reply.codes == ["BAD_USER_INPUT"])
            // An unknown operation, and several without a name.
            reply = try await gateway.graphql("query A { __typename } query B { __typename }", operationName: "C")
            #expect(reply.status == 400 && reply.codes == ["BAD_USER_INPUT"])
            reply = try await gateway.graphql("query A { __typename } query B { __typename }")
            #expect(reply.status == 400)
            reply = try await gateway.graphql("query A { __typename } query B { syncStatus { appliedPosition } }", operationName: "B")
            #expect(reply.status == 200 && reply.errors.isEmpty, "\(reply.text)")
            // Ids that are not ids.
            reply = try await gateway.graphql(#"{ gifticon(id: "abc") { id } }"#)
            #expect(reply.status == 200 && reply.codes == ["BAD_USER_INPUT"])
        }
    }

    @Test func limitsRefuseHugeAndDeepDocumentsPromptly() async throws {
        try await withGateway(sync: false) { gateway in
            let clock = ContinuousClock()
            _ = try await gateway.graphql("{ __typename }")  // the connection and the server warmed up first

            // Deeply nested: category.parent.parent...
            let deep = "{ category(id: \"1\") { " + String(repeating: "parent { ", count: 30) + "id" + String(repeating: " }", count: 30) + " } }"
            var start = clock.now
            var reply = try await gateway.graphql(deep)
            #expect(reply.status == 400 && reply.codes == ["DEPTH_LIMIT_EXCEEDED"], "\(reply.text)")
            #expect(clock.now - start < .seconds(10), "refused promptly (loose: the whole suite shares two cores)")
            // Too many aliases.
            let aliases = "{ " + (0..<40).map { "a\($0): __typename" }.joined(separator: " ") + " }"
            reply = try await gateway.graphql(aliases)
            #expect(reply.status == 400 && reply.codes.contains("ALIAS_LIMIT_EXCEEDED"), "\(reply.text)")
            // Too many tokens (a huge document).
            let huge = "{ " + String(repeating: "__typename ", count: 6_000) + "}"
            start = clock.now
            reply = try await gateway.graphql(huge)
            #expect(reply.status == 400 && reply.codes == ["TOKEN_LIMIT_EXCEEDED"], "\(reply.text.prefix(300))")
            #expect(clock.now - start < .seconds(10))
            // Too costly: nested pages.
            let costly = "{ gifticons(first: 100) { nodes { seller { reviewsReceived(first: 100) { nodes { gifticon { seller { reviewsReceived(first: 100) { totalCount } } } } } } } } }"
            reply = try await gateway.graphql(costly)
            #expect(reply.status == 400 && reply.codes == ["COST_LIMIT_EXCEEDED"], "\(reply.text)")
        }
    }

    @Test func persistedQueries() async throws {
        try await withGateway(sync: false) { gateway in
            let query = "{ syncStatus { appliedPosition } }"
            let hash = PersistedQueries.sha256(query)
            let extensions = #"{"persistedQuery":{"version":1,"sha256Hash":"\#(hash)"}}"#
            let headers = ["Content-Type": "application/json", "Accept": "application/json"]

            var reply = try await gateway.send(headers: headers, body: Data(#"{"extensions":\#(extensions)}"#.utf8))
            #expect(reply.codes == ["PERSISTED_QUERY_NOT_FOUND"])
            reply = try await gateway.send(headers: headers, body: Data(#"{"query":"\#(query)","extensions":\#(extensions)}"#.utf8))
            #expect(reply.status == 200 && reply.errors.isEmpty, "\(reply.text)")
            reply = try await gateway.send(headers: headers, body: Data(#"{"extensions":\#(extensions)}"#.utf8))
            #expect(reply.status == 200 && reply.errors.isEmpty && reply.data != nil, "\(reply.text)")
            // Over GET too, as Apollo clients send them.
            let encoded = extensions.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            reply = try await gateway.send("GET", query: "?extensions=\(encoded)", headers: ["Accept": "application/json"])
            #expect(reply.status == 200 && reply.data != nil, "\(reply.text)")
            // A text whose hash does not match is refused.
            let wrong = #"{"query":"{ __typename }","extensions":\#(extensions)}"#
            reply = try await gateway.send(headers: headers, body: Data(wrong.utf8))
            #expect(reply.codes == ["BAD_USER_INPUT"])
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withGateway(sync: false) { gateway in
            #expect(try await gateway.send("GET", path: "/health/live").status == 200)
            let ready = try await gateway.send("GET", path: "/health/ready")
            #expect(ready.status == 200, "\(ready.text)")
            #expect(dig(ready.json, "stores.redis") as? String == "up")
            _ = try await gateway.graphql("{ __typename }")
            _ = try await gateway.graphql("{ nope }")
            let metrics = try await gateway.send("GET", path: "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("gateway_requests_total"))
            #expect(metrics.text.contains("gateway_request_duration_seconds_bucket"))
            #expect(metrics.text.contains(#"gateway_errors_total{code="GRAPHQL_VALIDATION_FAILED"}"#))
        }
    }

    @Test func staleReadAnswersWithDataAndAnError() async throws {
        try await withGateway(sync: false, configure: { $0.consistencyTimeout = .milliseconds(200) }) { gateway in
            let reply = try await gateway.graphql(#"{ brands(consistency: "FFFF/0") { id } }"#)
            #expect(reply.status == 200)
            #expect(dig(reply.data, "brands") as? [Any] != nil, "the data is there")
            #expect(reply.codes == ["STALE_READ"])
            #expect(dig(reply.errors.first, "path.0") as? String == "brands")
            let bad = try await gateway.graphql(#"{ brands(consistency: "yesterday") { id } }"#)
            #expect(bad.codes == ["BAD_USER_INPUT"])
        }
    }

    @Test func aRequestPastItsTimeoutIsAnswered504() async throws {
        // The consistency wait alone would take 60 s: the 300 ms deadline answers long before (the bound is loose
        // because the whole suite shares two cores and a test process's cooperative threads).
        try await withGateway(sync: false, configure: { $0.consistencyTimeout = .seconds(60); $0.requestTimeout = .milliseconds(300) }) { gateway in
            let clock = ContinuousClock()
            let start = clock.now
            let reply = try await gateway.graphql(#"{ brands(consistency: "FFFF/0") { id } }"#)
            #expect(reply.status == 504 && reply.codes == ["TIMEOUT"], "\(reply.text)")
            #expect(clock.now - start < .seconds(30))
        }
    }

    @Test func introspectionCanBeSwitchedOff() async throws {
        try await withGateway(sync: false, configure: { $0.limits.allowsIntrospection = false }) { gateway in
            let reply = try await gateway.graphql("{ __schema { types { name } } }")
            #expect(reply.status == 400 && reply.codes == ["INTROSPECTION_DISABLED"], "\(reply.text)")
        }
    }
}
