import Foundation
import Logging
import Testing
@testable import Gateway

/// What a subscriber can count on beyond the happy path: a resume gets what it missed (or the current state, flagged,
/// past the stream's retention), every gateway instance delivers, a client that goes away frees its subscription,
/// limits refuse rather than grow, and a token's subscription ends when the token does. (In `SubscriptionTests`,
/// serialized: each runs a sync of its own.)
extension SubscriptionTests {
    typealias S = SubscriptionTests

    @Test func aResumeGetsWhatItMissedThenTheCurrentStatePastRetention() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let market = try await S.market(gateway)
            let query = #"subscription { gifticonChanged(id: "\#(market.listing)") { price { salePrice } } }"#
            let client = try S.subscribe(gateway, query)
            try await gateway.waitForSubscriptions(1)
            try await S.reprice(gateway, market, "4400")
            let seen = try #require(try await client.waitForEvents(1).first?.id, "an event with an id")
            client.stop()

            // Two changes while away: the resume gets one event, the latest state, flagged as a catch-up.
            try await S.reprice(gateway, market, "4300")
            let last = try await S.reprice(gateway, market, "4200")
            // The read models have both before the client is back (else the second would come live, not missed).
            let read = try await gateway.graphql(#"{ gifticon(id: "\#(market.listing)", consistency: "\#(last ?? "")") { id } }"#)
            #expect(read.errors.isEmpty, "\(read.text)")
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
            let newest = try await S.reprice(gateway, market, "4100")
            _ = try await gateway.graphql(#"{ gifticon(id: "\#(market.listing)", consistency: "\#(newest ?? "")") { id } }"#)
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
            try await gateway.waitForSubscriptions(1)
            try await gateway.waitForSubscriptions(1, port: second.port)
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

    @Test func aSubscriberThatDoesNotReadGetsTheNewestStateOnceNotABacklog() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let market = try await S.market(gateway)
            let query = #"subscription { gifticonChanged(id: "\#(market.listing)") { price { salePrice } } }"#
            guard case .results(let results) = await gateway.service.stream(GraphQLParameters(query: query), caller: .anonymous,
                                                                              logger: Logger(label: "test"))
            else { Issue.record("the subscription was refused"); return }
            // Thirty changes while nothing reads: notices merge in the group's inbox while an event resolves, and
            // the events that reach the subscriber's queue replace one another there. One event waits, the newest.
            var last: String?
            for cents in 0..<30 { last = try await S.reprice(gateway, market, "\(3000 + cents)") }
            let read = try await gateway.graphql(#"{ gifticon(id: "\#(market.listing)", consistency: "\#(last ?? "")") { price { salePrice } } }"#)
            #expect(dig(read.data, "gifticon.price.salePrice") as? String == "3029.00", "the read models have the last change: \(read.text)")
            var (coalesced, settled) = (0.0, 0)
            while settled < 10 {
                let now = try await Self.metric(gateway, "gateway_subscription_events_coalesced_total") ?? 0
                settled = now == coalesced ? settled + 1 : 0
                coalesced = now
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(coalesced >= 1, "events reached the queue while nothing read, and replaced one another")
            let pull = Pull(results)
            let newest = try #require(await pull.next(within: .seconds(30)), "the queued event")
            let json = try JSONSerialization.jsonObject(with: Data(newest.body))
            #expect(dig(json, "data.gifticonChanged.price.salePrice") as? String == "3029.00", "\(String(decoding: newest.body, as: UTF8.self))")
            #expect(try await Self.metric(gateway, "gateway_subscription_events_dropped_total") == 0)
            // Nothing else was queued: the next read waits (for a change that does not come).
            let more = await pull.next(within: .milliseconds(500))
            #expect(more == nil, "one event, not a backlog")
        }
    }

    /// Reads a result stream with a bound on each wait (a test never hangs on an event that does not come).
    final class Pull: @unchecked Sendable {
        private var iterator: AsyncStream<StreamedResult>.AsyncIterator

        init(_ stream: AsyncStream<StreamedResult>) { iterator = stream.makeAsyncIterator() }

        /// The next result, or nil when none came within `limit` (the wait is then cancelled, ending the stream).
        func next(within limit: Duration) async -> StreamedResult? {
            await withTaskGroup(of: StreamedResult?.self) { group in
                group.addTask { await self.iterator.next() }
                group.addTask {
                    try? await Task.sleep(for: limit)
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        }
    }

    static func metric(_ gateway: GatewayHarness, _ name: String) async throws -> Double? { try await gateway.metric(name) }

    static func subscriptions(_ gateway: GatewayHarness) async throws -> Double? { try await metric(gateway, "gateway_subscriptions") }

    @Test func limitsRefuseAndATokensSubscriptionEndsWithTheToken() async throws {
        try await withGateway(sync: false, configure: { $0.subscriptions.maxSubscriptions = 1 }) { gateway in
            let held = try S.subscribe(gateway, #"subscription { gifticonChanged(id: "1") { id } }"#)
            try await gateway.waitForSubscriptions(1)
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
