import Foundation
import Gateway
import Testing

/// What a subscriber can count on beyond the happy path: a resume gets what it missed (or the current state, flagged,
/// past the stream's retention), every gateway instance delivers, a client that goes away frees its subscription,
/// limits refuse rather than grow, and a token's subscription ends when the token does.
@Suite struct SubscriptionDeliveryTests {
    typealias S = SubscriptionTests

    @Test func aResumeGetsWhatItMissedThenTheCurrentStatePastRetention() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let market = try await S.market(gateway)
            let query = #"subscription { gifticonChanged(id: "\#(market.listing)") { price { salePrice } } }"#
            let client = try S.subscribe(gateway, query)
            try await Task.sleep(for: .milliseconds(300))
            try await S.reprice(gateway, market, "4400")
            let seen = try #require(try await client.waitForEvents(1).first?.id, "an event with an id")
            client.stop()

            // Two changes while away: the resume gets one event, the latest state, flagged as a catch-up.
            try await S.reprice(gateway, market, "4300")
            try await S.reprice(gateway, market, "4200")
            try await Task.sleep(for: .milliseconds(500))
            let resumed = try S.subscribe(gateway, query, lastEventID: seen)
            let missed = try await resumed.waitForEvents(1)
            try await Task.sleep(for: .milliseconds(300))
            resumed.stop()
            #expect(resumed.events.count == 1, "one coalesced event: \(resumed.events.map(\.data))")
            #expect(dig(missed.first?.json, "data.gifticonChanged.price.salePrice") as? String == "4200.00", "\(missed.map(\.data))")
            #expect(dig(missed.first?.json, "extensions.catchUp") as? String == "MISSED")

            // Nothing missed since the last event: a resume sends nothing until the next change.
            let caughtUp = try S.subscribe(gateway, query, lastEventID: try #require(missed.first?.id))
            try await Task.sleep(for: .milliseconds(500))
            #expect(caughtUp.events.isEmpty, "\(caughtUp.events.map(\.data))")
            caughtUp.stop()

            // The stream trimmed past the client's position: one event with the current state, flagged; a list
            // subscription gets RESYNC.
            _ = try await gateway.readModels.redis.command("XTRIM", gateway.readModels.keys.changeNotices, "MAXLEN", "0")
            try await S.reprice(gateway, market, "4100")
            try await Task.sleep(for: .milliseconds(500))
            let late = try S.subscribe(gateway, query, lastEventID: seen)
            let current = try await late.waitForEvents(1)
            late.stop()
            #expect(dig(current.first?.json, "data.gifticonChanged.price.salePrice") as? String == "4100.00", "\(current.map(\.data))")
            #expect(dig(current.first?.json, "extensions.catchUp") as? String == "CURRENT_STATE")
            let list = try S.subscribe(gateway, "subscription { gifticonsChanged { kind id } }", lastEventID: seen)
            let resync = try await list.waitForEvents(1)
            list.stop()
            #expect(dig(resync.first?.json, "data.gifticonsChanged.kind") as? String == "RESYNC", "\(resync.map(\.data))")

            // A resume position that is not one: BAD_USER_INPUT over extensions.after.
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["query": query, "extensions": ["after": "yesterday"]]), as: UTF8.self)
            let bad = try EventStreamClient(port: gateway.port, headers: ["Accept": "text/event-stream", "Content-Type": "application/json"], body: body)
            let refused = try await bad.waitForEvents(2)
            #expect(dig(refused.first?.json, "errors.0.extensions.code") as? String == "BAD_USER_INPUT", "\(refused.map(\.data))")
        }
    }

    @Test func everyGatewayInstanceDeliversAndAClosedClientFreesItsSubscription() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30); $0.subscriptions.keepAlive = .milliseconds(200) }) { gateway in
            let market = try await S.market(gateway)
            let second = try await gateway.anotherInstance()
            let query = #"subscription { gifticonChanged(id: "\#(market.listing)") { price { salePrice } } }"#
            let here = try S.subscribe(gateway, query)
            let there = try S.subscribe(gateway, query, port: second.port)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await Self.subscriptions(gateway) == 1)
            try await S.reprice(gateway, market, "3900")
            for client in [here, there] {
                let events = try await client.waitForEvents(1)
                #expect(dig(events.first?.json, "data.gifticonChanged.price.salePrice") as? String == "3900.00", "\(events.map(\.data))")
            }
            here.stop()
            there.stop()
            await second.stop()
            // The server sees the socket gone at the next keep-alive at the latest, and the subscription ends.
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, try await Self.subscriptions(gateway) != 0 { try await Task.sleep(for: .milliseconds(100)) }
            #expect(try await Self.subscriptions(gateway) == 0)
        }
    }

    static func subscriptions(_ gateway: GatewayHarness) async throws -> Double? {
        let metrics = try await gateway.send("GET", path: "/metrics").text
        return metrics.split(separator: "\n").first { $0.hasPrefix("gateway_subscriptions ") }.flatMap { Double($0.split(separator: " ").last!) }
    }

    @Test func limitsRefuseAndATokensSubscriptionEndsWithTheToken() async throws {
        try await withGateway(sync: false, configure: { $0.subscriptions.maxSubscriptions = 1 }) { gateway in
            let held = try S.subscribe(gateway, #"subscription { gifticonChanged(id: "1") { id } }"#)
            try await Task.sleep(for: .milliseconds(300))
            let refused = try S.subscribe(gateway, #"subscription { sellerRatingChanged(sellerId: "1") { count } }"#)
            let events = try await refused.waitForEvents(2)
            #expect(dig(events.first?.json, "errors.0.extensions.code") as? String == "TOO_MANY_SUBSCRIPTIONS", "\(events.map(\.data))")
            held.stop()
        }
        try await withGateway(sync: false) { gateway in
            let token = JWTSigner(secret: GatewayHarness.secret).token(userID: 7, lifetime: 2)
            let client = try S.subscribe(gateway, "subscription { myGifticonsChanged { kind } }", token: token)
            let events = try await client.waitForEvents(2, within: 10)
            #expect(events.map(\.name) == ["next", "complete"], "\(events)")
            #expect(dig(events.first?.json, "errors.0.extensions.code") as? String == "UNAUTHENTICATED", "\(events.map(\.data))")
        }
    }
}
