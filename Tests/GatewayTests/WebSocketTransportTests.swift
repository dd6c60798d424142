import Foundation
import HTTPTypes
import JSON
import Testing
@testable import Gateway

/// GraphQL over WebSocket (graphql-transport-ws, enisdenjo/graphql-ws's PROTOCOL.md) against a served gateway on a
/// real socket: the handshake, every close code of the protocol, operations and their limits.
@Suite struct WebSocketTransportTests {
    /// Waits for a consistency token no receipt carried, until the consistency timeout: an operation that stays
    /// running long enough for a test to act while it runs (a gateway without the command side cannot tell the token
    /// was never issued).
    static let slowQuery = #"{ brands(consistency: "FFFFFFFF/FFFFFFFF") { name } }"#

    /// The `extensions.code`s of an operation's first message (a `next` with errors).
    static func errorCodes(_ messages: [JSONValue]) -> [String] {
        messages.first?["payload"]?["errors"]?.arrayValue?.compactMap { $0["extensions"]?["code"]?.stringValue } ?? []
    }

    // MARK: the connection

    @Test func anInitialisedSocketRunsAQueryAsOneNextThenComplete() async throws {
        try await withGateway { gateway in
            let closed = try await gateway.withSocket { socket in
                try await socket.initialise()
                let messages = try await socket.run("q1", "{ __typename }")
                #expect(messages == [["id": "q1", "type": "next", "payload": ["data": ["__typename": "Query"]]],
                                     ["id": "q1", "type": "complete"]])
                // The id is free again once complete: the same one runs a second operation.
                #expect(try await socket.run("q1", "query Named { __typename }", extensions: JSONObject([("after", .null)])).count == 2)
            }
            #expect(closed?.code == 1000, "the client's normal closure, answered: \(String(describing: closed))")
        }
    }

    /// A WebSocket upgrade of `/graphql` offering `subprotocols` (nil: no Sec-WebSocket-Protocol), as raw bytes.
    static func upgradeRequest(offering subprotocols: String?) -> [UInt8] {
        let offer = subprotocols.map { "Sec-WebSocket-Protocol: \($0)\r\n" } ?? ""
        return Array(("GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\(offer)\r\n").utf8)
    }

    @Test func theUpgradeSelectsGraphQLTransportWSAmongTheOfferedSubprotocols() async throws {
        try await withGateway { gateway in
            // connection_init sent with the upgrade, before its answer (masked with a zero key: the text as it is).
            let initMessage = Array(#"{"type":"connection_init"}"#.utf8)
            let frame: [UInt8] = [0x81, 0x80 | UInt8(initMessage.count), 0, 0, 0, 0] + initMessage
            let upgrade = Self.upgradeRequest(offering: "graphql-ws, graphql-transport-ws")
            let (_, answer) = try await RawConnection.onThreadOfItsOwn(port: gateway.port, sending: upgrade + frame, waitingAtMost: 30,
                                                                       until: { $0.contains(#"{"type":"connection_ack"}"#) })
            let head = answer.lowercased()
            #expect(head.hasPrefix("http/1.1 101"), "\(answer)")
            #expect(head.contains("sec-websocket-protocol: graphql-transport-ws\r\n"), "\(answer)")
            #expect(answer.contains(#"{"type":"connection_ack"}"#), "the frame sent early is read once upgraded: \(answer)")
        }
    }

    @Test func anUpgradedSocketOutlivesTheHTTPIdleDeadline() async throws {
        try await withGateway(configure: { $0.connections.idleTimeout = .seconds(1) }) { gateway in
            try await gateway.withSocket { socket in
                try await socket.initialise()
                try await Task.sleep(for: .milliseconds(2_500))
                try await socket.send(["type": "ping"])
                #expect(try await socket.receive() == ["type": "pong"])
            }
        }
    }

    @Test func pingIsAnsweredWithPongEchoingItsPayloadAndAPongIsTakenSilently() async throws {
        try await withGateway { gateway in
            try await gateway.withSocket { socket in
                // Before connection_init too: ping may come at any time.
                try await socket.send(["type": "ping", "payload": ["sent": 1]])
                #expect(try await socket.receive() == ["type": "pong", "payload": ["sent": 1]])
                try await socket.initialise()
                try await socket.send(["type": "pong", "payload": ["heartbeat": true]])
                try await socket.send(["type": "ping"])
                #expect(try await socket.receive() == ["type": "pong"], "nothing answers the client's pong")
            }
        }
    }

    // MARK: auth

    @Test func theInitPayloadsTokenOrElseTheUpgradeHeadersIsTheCaller() async throws {
        try await withGateway { gateway in
            let token = gateway.token(user: 7)
            let viewer = "{ me { user { id } } }"
            let codes = Self.errorCodes
            try await gateway.withSocket { socket in
                try await socket.initialise(["authorization": .string("Bearer \(token)")])
                let messages = try await socket.run("me", viewer)
                #expect(codes(messages).isEmpty && messages.last?["type"] == "complete", "\(messages)")
            }
            try await gateway.withSocket(headers: [.authorization: "Bearer \(token)"]) { socket in
                try await socket.initialise()
                let messages = try await socket.run("me", viewer)
                #expect(codes(messages).isEmpty, "\(messages)")
            }
            try await gateway.withSocket { socket in
                try await socket.initialise()
                #expect(codes(try await socket.run("me", viewer)) == ["UNAUTHENTICATED"], "no token: anonymous")
            }
        }
    }

    @Test func aForgedTokenCloses4403InTheInitPayloadAndInTheUpgradeHeader() async throws {
        try await withGateway { gateway in
            let forged = IndependentJWT.sign(#"{"sub":"7","exp":\#(Int(Date().timeIntervalSince1970) + 600)}"#, secret: "not-the-secret")
            let initMessage: JSONValue = ["type": "connection_init", "payload": ["authorization": .string("Bearer \(forged)")]]
            var closed = try await gateway.closeAfter { socket in try await socket.send(initMessage) }
            #expect(closed == SocketClosed(code: 4403, reason: "Forbidden"))
            closed = try await gateway.closeAfter(headers: [.authorization: "Bearer \(forged)"]) { socket in
                try await socket.send(["type": "connection_init"])
            }
            #expect(closed == SocketClosed(code: 4403, reason: "Forbidden"))
        }
    }

    @Test func aMutationRunsOverTheSocketAsTheTokensUser() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let admin = gateway.token(user: 1, admin: true)
            try await gateway.withSocket { socket in
                try await socket.initialise(["authorization": .string("Bearer \(admin)")])
                let created = try await socket.run("m1", #"mutation { createBrand(input: {name: "공차", slug: "gongcha"}) { brand { name } receipt { consistencyToken } } }"#)
                #expect(created.map { $0["type"] } == ["next", "complete"], "\(created)")
                #expect(created.first?["payload"]?["data"]?["createBrand"]?["brand"]?["name"] == "공차", "\(created)")
                let token = try #require(created.first?["payload"]?["data"]?["createBrand"]?["receipt"]?["consistencyToken"]?.stringValue)
                let brands = try await socket.run("q1", "query($t: String) { brands(consistency: $t) { slug } }", variables: JSONObject([("t", .string(token))]))
                #expect(brands.first?["payload"]?["data"]?["brands"]?.arrayValue?.contains(["slug": "gongcha"]) == true, "\(brands)")
            }
            // Without a token the same mutation is refused as over HTTP, and the socket stays open.
            try await gateway.withSocket { socket in
                try await socket.initialise()
                let refused = try await socket.run("m1", #"mutation { createBrand(input: {name: "x", slug: "x"}) { brandId } }"#)
                #expect(refused.first?["payload"]?["errors"]?[0]?["extensions"]?["code"] == "UNAUTHENTICATED", "\(refused)")
            }
        }
    }

    // MARK: close codes

    @Test func malformedMessagesClose4400NamingTheProblem() async throws {
        try await withGateway { gateway in
            let cases: [(String, @Sendable (GraphQLWebSocketSession) async throws -> Void, String)] = [
                ("not JSON", { try await $0.send(text: "{\"type\":") }, "not JSON"),
                ("not an object", { try await $0.send(text: "[]") }, "not a JSON object"),
                ("no type", { try await $0.send(["id": "1"]) }, "\"type\" must be a string"),
                ("an unknown type", { try await $0.send(["type": "start", "id": "1"]) }, "unknown type \"start\""),
                ("a binary frame", { try await $0.send(binary: Array(#"{"type":"ping"}"#.utf8)) }, "binary frames"),
                ("subscribe without an id", { try await $0.send(["type": "subscribe", "payload": ["query": "{ __typename }"]]) }, "\"id\""),
                ("subscribe with an empty id", { try await $0.send(["type": "subscribe", "id": "", "payload": ["query": "{ __typename }"]]) }, "\"id\""),
                ("subscribe without a payload", { try await $0.send(["type": "subscribe", "id": "1"]) }, "\"payload\""),
                ("a query that is not a string", { try await $0.send(["type": "subscribe", "id": "1", "payload": ["query": 1]]) }, "\"query\""),
                ("complete without an id", { try await $0.send(["type": "complete"]) }, "\"id\""),
                ("a ping payload that is not an object", { try await $0.send(["type": "ping", "payload": "x"]) }, "payload"),
            ]
            for (label, send, problem) in cases {
                let closed = try await gateway.closeAfter { socket in
                    try await socket.initialise()
                    try await send(socket)
                }
                #expect(closed?.code == 4400 && closed?.reason?.contains(problem) == true, "\(label): \(String(describing: closed))")
            }
        }
    }

    @Test func subscribeBeforeTheAcknowledgementCloses4401() async throws {
        try await withGateway { gateway in
            let closed = try await gateway.closeAfter { socket in
                try await socket.subscribe("1", "{ __typename }")
            }
            #expect(closed == SocketClosed(code: 4401, reason: "Unauthorized"))
        }
    }

    /// On a raw socket: hummingbird-websocket's client sometimes never finishes its upgrade when the close frame and
    /// the end of the server's output come right behind the 101 (seen about once in ten runs of the suite).
    @Test func anotherSubprotocolOrNoneIsUpgradedThenClosed4406() async throws {
        try await withGateway { gateway in
            for offered in ["graphql-ws", nil] {
                // Read until the close frame is in (a loaded machine took over the 1 s this once allowed).
                let closeFrame = "\u{11}6Subprotocol not acceptable"
                let (_, answer) = try await RawConnection.onThreadOfItsOwn(port: gateway.port, sending: Self.upgradeRequest(offering: offered),
                                                                           waitingAtMost: 30, until: { $0.hasSuffix(closeFrame) })
                #expect(answer.hasPrefix("HTTP/1.1 101") && !answer.lowercased().contains("sec-websocket-protocol"), "\(answer)")
                // The close frame's payload: 4406 (0x11 0x36) and the reason.
                #expect(answer.hasSuffix(closeFrame), "\(String(describing: offered)): \(answer)")
            }
        }
    }

    @Test func noInitWithinTheTimeoutCloses4408() async throws {
        try await withGateway(configure: { $0.webSocket.initTimeout = .milliseconds(300) }) { gateway in
            let clock = ContinuousClock()
            let start = clock.now
            let closed = try await gateway.closeAfter { _ in }
            #expect(closed == SocketClosed(code: 4408, reason: "Connection initialisation timeout"))
            #expect(clock.now - start >= .milliseconds(300))
            // In time, the deadline passes unnoticed.
            try await gateway.withSocket { socket in
                try await socket.initialise()
                try await Task.sleep(for: .milliseconds(600))
                #expect(try await socket.run("1", "{ __typename }").count == 2)
            }
        }
    }

    @Test func subscribeUnderTheIDOfARunningOperationCloses4409() async throws {
        try await withGateway(configure: { $0.consistencyTimeout = .seconds(5) }) { gateway in
            let closed = try await gateway.closeAfter { socket in
                try await socket.initialise()
                try await socket.subscribe("same", Self.slowQuery)
                try await socket.subscribe("same", "{ __typename }")
            }
            #expect(closed == SocketClosed(code: 4409, reason: "Subscriber for same already exists"))
        }
    }

    @Test func aSecondInitCloses4429() async throws {
        try await withGateway { gateway in
            let closed = try await gateway.closeAfter { socket in
                try await socket.initialise()
                try await socket.send(["type": "connection_init"])
            }
            #expect(closed == SocketClosed(code: 4429, reason: "Too many initialisation requests"))
        }
    }

    @Test func aMessageLargerThanTheBodyLimitCloses1009AndTextThatIsNotUTF8Closes1007() async throws {
        try await withGateway(configure: { $0.maxBodyBytes = 4_096 }) { gateway in
            var closed = try await gateway.withSocket { socket in
                try await socket.initialise()
                try await socket.subscribe("1", "{ __typename } # " + String(repeating: "x", count: 5_000))
                _ = try await socket.untilClosed()
            }
            #expect(closed?.code == 1009, "\(String(describing: closed))")
            closed = try await gateway.withSocket { socket in
                try await socket.initialise()
                try await socket.send(textBytes: Array(#"{"type":"ping","payload":{"x":""#.utf8) + [0xFF] + Array(#""}}"#.utf8))
                _ = try await socket.untilClosed()
            }
            #expect(closed?.code == 1007, "\(String(describing: closed))")
        }
    }

    // MARK: operations

    @Test func theClientsCompleteStopsARunningOperation() async throws {
        try await withGateway(configure: { $0.consistencyTimeout = .seconds(2) }) { gateway in
            try await gateway.withSocket { socket in
                try await socket.initialise()
                try await socket.subscribe("slow", Self.slowQuery)
                try await socket.send(["id": "slow", "type": "complete"])
                // A complete for an id that is not running is ignored.
                try await socket.send(["id": "never-started", "type": "complete"])
                #expect(try await socket.run("fast", "{ __typename }").count == 2)
                // Past the slow query's end: nothing came for it, and its id is free.
                try await Task.sleep(for: .seconds(3))
                try await socket.send(["type": "ping"])
                #expect(try await socket.receive() == ["type": "pong"])
                #expect(try await socket.run("slow", "{ __typename }").count == 2)
            }
        }
    }

    @Test func documentsThatDoNotValidateComeAsAnErrorMessageWithoutComplete() async throws {
        try await withGateway { gateway in
            try await gateway.withSocket { socket in
                try await socket.initialise()
                for (query, code) in [("{ nope }", "GRAPHQL_VALIDATION_FAILED"), ("{ brands {", "GRAPHQL_PARSE_FAILED")] {
                    let messages = try await socket.run("bad", query)
                    #expect(messages.count == 1 && messages[0]["type"] == "error", "\(messages)")
                    #expect(messages[0]["payload"]?[0]?["extensions"]?["code"] == .string(code), "\(messages)")
                }
                // The README's example, exactly.
                #expect(try await socket.run("2", "{ nope }") == [["id": "2", "type": "error", "payload": [[
                    "message": #"Cannot query field "nope" on type "Query"."#, "locations": [["line": 1, "column": 3]],
                    "extensions": ["code": "GRAPHQL_VALIDATION_FAILED"]]]]])
                let resumed = try await socket.run("resume", "{ __typename }", extensions: JSONObject([("after", "not-a-position")]))
                #expect(resumed.map { $0["type"] } == ["error"] && resumed[0]["payload"]?[0]?["extensions"]?["code"] == "BAD_USER_INPUT",
                        "\(resumed)")
                #expect(try await socket.run("after", "{ __typename }", extensions: JSONObject([("after", "0/16B374D8")])).count == 2)
            }
        }
    }

    @Test func operationsPastTheLimitAreRefusedWithTooManyOperationsAndTheSocketStays() async throws {
        try await withGateway(configure: {
            $0.webSocket.maxOperationsPerConnection = 2
            $0.consistencyTimeout = .seconds(2)
        }) { gateway in
            try await gateway.withSocket { socket in
                try await socket.initialise()
                try await socket.subscribe("1", Self.slowQuery)
                try await socket.subscribe("2", Self.slowQuery)
                let refused = try await socket.run("3", "{ __typename }")
                #expect(refused.count == 1 && refused[0]["payload"]?[0]?["extensions"]?["code"] == "TOO_MANY_OPERATIONS", "\(refused)")
                // The slow ones end (STALE_READ data, then complete), and their places are free again.
                var ended: [JSONValue] = []
                while ended.count < 4, let message = try await socket.receive() { ended.append(message) }
                #expect(Set(ended.compactMap { $0["id"]?.stringValue }) == ["1", "2"] && ended.filter { $0["type"] == "complete" }.count == 2,
                        "\(ended)")
                #expect(try await socket.run("3", "{ __typename }").count == 2)
            }
        }
    }

    @Test func metricsCountSocketsOperationsAndClosesByCode() async throws {
        try await withGateway(configure: { $0.consistencyTimeout = .seconds(5) }) { gateway in
            @Sendable func metric(_ name: String) async throws -> Double? {
                let text = try await gateway.send("GET", path: "/metrics").text
                return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.dropFirst(name.count + 1)) }
            }
            try await gateway.withSocket { socket in
                try await socket.initialise()
                try await socket.subscribe("slow", Self.slowQuery)
                try await socket.send(["type": "ping"])
                _ = try await socket.receive()
                #expect(try await metric("gateway_websocket_connections") == 1)
                #expect(try await metric("gateway_websocket_operations") == 1)
            }
            try await gateway.withSocket { socket in try await socket.send(text: "nonsense"); _ = try await socket.untilClosed() }
            // The server's side of a close ends a moment after the client's.
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await metric("gateway_websocket_connections") == 0)
            #expect(try await metric(#"gateway_websocket_closes_total{code="4400"}"#) == 1)
            #expect(try await metric(#"gateway_websocket_closes_total{code="client"}"#) == 1)
        }
    }
}

/// Over WebSocket, in `SubscriptionTests` (serialized with the other live tests: it runs a sync).
extension SubscriptionTests {
    @Test func aSubscriptionDeliversEachCommittedChangeUntilTheClientCompletesIt() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let market = try await SubscriptionTests.market(gateway)
            let token = market.sellerToken
            let listing = market.listing
            try await gateway.withSocket { socket in
                try await socket.initialise(["authorization": .string("Bearer \(token)")])
                try await socket.subscribe("live", #"subscription { gifticonChanged(id: "\#(listing)") { price { salePrice } } }"#)
                try await gateway.waitForSubscriptions(1)
                // A mutation over the same socket, as the seller: its change comes back as the subscription's event.
                try await socket.subscribe("m", """
                    mutation { changeGifticonPrice(input: {gifticonId: "\(listing)", price: {basePrice: "5000", salePrice: "3500"}}) { gifticonId } }
                    """)
                // The mutation's next and complete, and the subscription's event, in whatever order they come.
                var messages: [JSONValue] = []
                while messages.filter({ $0["id"] == "m" }).count < 2 || !messages.contains(where: { $0["id"] == "live" }),
                      let message = try await socket.receive() { messages.append(message) }
                #expect(messages.filter { $0["id"] == "m" }.map { $0["type"] } == ["next", "complete"], "\(messages)")
                let event = messages.first { $0["id"] == "live" }
                #expect(event?["type"] == "next", "\(messages)")
                #expect(event?["payload"]?["data"]?["gifticonChanged"]?["price"]?["salePrice"] == "3500.00", "\(messages)")
                #expect(event?["payload"]?["extensions"]?["position"]?.stringValue != nil)
                try await socket.send(["id": "live", "type": "complete"])
                // Nothing more for it: a query on the socket answers next, and the socket stays quiet otherwise.
                #expect(try await socket.run("q", "{ __typename }").count == 2)

                // A change while it is not subscribed, then a resume from the last position seen: the missed state.
                let seen = try #require(event?["payload"]?["extensions"]?["position"]?.stringValue)
                let reprice = try await socket.run("m2", """
                    mutation { changeGifticonPrice(input: {gifticonId: "\(listing)", price: {basePrice: "5000", salePrice: "3400"}}) {
                      receipt { consistencyToken } } }
                    """)
                let token = reprice.first?["payload"]?["data"]?["changeGifticonPrice"]?["receipt"]?["consistencyToken"]?.stringValue ?? ""
                #expect(try await socket.run("r", #"{ gifticon(id: "\#(listing)", consistency: "\#(token)") { id } }"#).count == 2)
                try await socket.subscribe("resumed", #"subscription { gifticonChanged(id: "\#(listing)") { price { salePrice } } }"#,
                                           extensions: JSONObject([("after", .string(seen))]))
                let missed = try await socket.receive()
                #expect(missed?["id"] == "resumed" && missed?["type"] == "next", "\(String(describing: missed))")
                #expect(missed?["payload"]?["data"]?["gifticonChanged"]?["price"]?["salePrice"] == "3400.00", "\(String(describing: missed))")
                #expect(missed?["payload"]?["extensions"]?["catchUp"] == "MISSED", "\(String(describing: missed))")
            }
        }
    }
}
