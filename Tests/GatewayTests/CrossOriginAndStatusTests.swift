import Foundation
import Testing
import GraphQLEngine
@testable import Gateway

/// What a browser frontend and an operator meet at the HTTP level: CORS for the configured origins only, 405 with
/// `Allow` for methods /graphql does not take, every answer counted in /metrics, and a field cancelled because a
/// sibling failed adding no error of its own.
@Suite struct CrossOriginAndStatusTests {
    static let shop = "https://shop.example.kr"

    @Test func preflightsAndAnswersCarryCORSForConfiguredOriginsOnly() async throws {
        try await withGateway(configure: { $0.corsOrigins = [Self.shop, "http://localhost:3000"] }) { gateway in
            var reply = try await gateway.send("OPTIONS", headers: [
                "Origin": Self.shop, "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type, authorization, idempotency-key",
            ])
            #expect(reply.status == 204)
            #expect(reply.header("Access-Control-Allow-Origin") == Self.shop)
            let methods = reply.header("Access-Control-Allow-Methods") ?? ""
            #expect(methods.contains("POST") && methods.contains("GET"))
            let headers = (reply.header("Access-Control-Allow-Headers") ?? "").lowercased()
            for name in ["content-type", "authorization", "idempotency-key", "x-request-id"] { #expect(headers.contains(name), "\(name)") }
            #expect(reply.header("Access-Control-Max-Age") == "600")
            #expect(reply.header("Access-Control-Allow-Credentials") == nil, "bearer tokens, never cookies")

            reply = try await gateway.send("OPTIONS", headers: ["Origin": "https://evil.example", "Access-Control-Request-Method": "POST"])
            #expect(reply.status == 204 && reply.header("Access-Control-Allow-Origin") == nil, "another origin gets no CORS headers")

            let query = try JSONSerialization.data(withJSONObject: ["query": "{ __typename }"])
            reply = try await gateway.send(headers: ["Origin": Self.shop, "Content-Type": "application/json"], body: query)
            #expect(reply.status == 200 && reply.header("Access-Control-Allow-Origin") == Self.shop)
            #expect(reply.header("Vary")?.contains("Origin") == true)
            #expect(reply.header("Access-Control-Expose-Headers")?.contains("X-Request-ID") == true)
            reply = try await gateway.send(headers: ["Origin": "https://evil.example", "Content-Type": "application/json"], body: query)
            #expect(reply.status == 200 && reply.header("Access-Control-Allow-Origin") == nil)
        }
        try await withGateway { gateway in   // no origins configured: no CORS at all
            let reply = try await gateway.send("OPTIONS", headers: ["Origin": Self.shop, "Access-Control-Request-Method": "POST"])
            #expect(reply.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func otherMethodsAre405AndEveryAnswerIsCounted() async throws {
        try await withGateway(configure: { $0.maxBodyBytes = 64 }) { gateway in
            for method in ["PUT", "DELETE", "PATCH"] {
                let reply = try await gateway.send(method, headers: ["Content-Type": "application/json"], body: Data("{}".utf8))
                #expect(reply.status == 405, "\(method)")
                #expect(reply.header("Allow") == "GET, POST, OPTIONS")
                #expect(reply.codes == ["BAD_REQUEST"], "\(reply.text)")
            }
            _ = try await gateway.send("GET", path: "/no-such-path")
            _ = try await gateway.send(headers: ["Content-Type": "application/json"], body: Data(repeating: 32, count: 1_000))
            let metrics = try await gateway.send("GET", path: "/metrics").text
            for status in ["404", "405", "413"] {
                #expect(metrics.contains(#"gateway_requests_total{status="\#(status)""#), "\(status) counted:\n\(metrics.prefix(600))")
            }
        }
    }

    /// A non-null sibling's error nulls the parent and cancels the other fields: they report nothing and count no
    /// store failure (run many times: which sibling was cancelled varied from run to run).
    @Test func aCancelledSiblingAddsNoError() async throws {
        try await withGateway { gateway in
            for _ in 0..<25 {
                let reply = try await gateway.graphql(#"{ syncStatus { appliedAt lagMilliseconds c: reflects(consistencyToken: "junk") } }"#)
                #expect(reply.codes == ["BAD_USER_INPUT"], "\(reply.text)")
            }
            let metrics = try await gateway.send("GET", path: "/metrics").text
            #expect(!metrics.contains("gateway_store_failures_total"), "\(metrics.split(separator: "\n").filter { $0.contains("failures") })")
        }
    }
}

/// The README names every `extensions.code` the gateway and its engine's limits answer with.
@Suite struct DocumentedErrorCodesTests {
    @Test func theReadmeListsEveryCode() throws {
        let readme = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/GatewayTests/CrossOriginAndStatusTests.swift", with: "README.md"), encoding: .utf8)
        for code in GatewayErrorCode.allCases.map(\.rawValue) + QueryLimitCode.all {
            #expect(readme.contains("`\(code)`"), "README.md lacks \(code)")
        }
    }
}

/// Search text as an attacker sends it: NUL bytes, replacement characters, emoji, control and zero-width characters,
/// punctuation only, the length bound and one past it. Each answers data or BAD_USER_INPUT naming `query`, never
/// INTERNAL, and never counts a store failure.
@Suite struct HostileSearchTextTests {
    @Test func oddTextIsSearchedOrRefusedNeverAnInternalError() async throws {
        try await withGateway { gateway in
            let harmless = ["\u{0}커피", "커\u{0}피", "\u{FFFD}\u{FFFD}", "☕️🍰", "\u{200B}\u{200D}", "\u{202E}피커", "!!!???",
                            "커피\n\t\r", String(repeating: "가", count: 200), "' OR 1=1 --", #"{"$gt": ""}"#]
            for text in harmless {
                let reply = try await gateway.graphql("query($q: String) { gifticons(query: $q) { totalCount nodes { id } } }",
                                                      variables: ["q": text])
                #expect(reply.errors.isEmpty, "\(text.debugDescription): \(reply.text.prefix(300))")
                #expect(dig(reply.data, "gifticons.totalCount") as? Int == 0)
            }
            let tooLong = try await gateway.graphql("query($q: String) { gifticons(query: $q) { totalCount } }",
                                                    variables: ["q": String(repeating: "가", count: 201)])
            #expect(tooLong.codes == ["BAD_USER_INPUT"], "\(tooLong.text)")
            let metrics = try await gateway.send("GET", path: "/metrics").text
            #expect(!metrics.contains("gateway_store_failures_total"))
            #expect(!metrics.contains(#"code="INTERNAL""#))
        }
    }
}
