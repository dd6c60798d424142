import Stores
import Testing
@testable import Gateway

/// A subscriber's queue: newer events about a queued entity replace it in place, past the capacity the oldest is
/// dropped, and a consumer that goes away frees what was queued.
@Suite struct SubscriberQueueTests {
    static func event(_ entity: String, _ position: UInt64, _ body: String = "") -> SubscriberQueue.Event {
        SubscriberQueue.Event(entity: entity, result: StreamedResult(body: Array(body.utf8), position: LSN(position)), commitMillis: 0)
    }

    @Test func eventsAboutOneEntityCoalesceToTheNewest() async {
        let queue = SubscriberQueue(capacity: 4)
        #expect(queue.push(Self.event("gifticon:1", 10, "a")) == .queued)
        for i in 11...1_000 { #expect(queue.push(Self.event("gifticon:1", UInt64(i), "v\(i)")) == .coalesced) }
        #expect(queue.push(Self.event("gifticon:1", 5, "older")) == .coalesced)
        queue.finish()
        let first = await queue.next()
        #expect(first.map { String(decoding: $0.result.body, as: UTF8.self) } == "v1000", "the newest state, never an older one")
        #expect(await queue.next() == nil)
    }

    /// A resume: the live event about the change the catch-up also covers arrives first, while the consumer
    /// already waits. It is held, the catch-up's event (same position, flagged) replaces it, and the client gets one.
    @Test func aHeldQueueLetsTheCatchUpReplaceTheLiveEventAboutTheSameChange() async {
        let queue = SubscriberQueue(capacity: 4, holding: true)
        let consumer = Task { () -> [String] in
            var bodies: [String] = []
            while let event = await queue.next() { bodies.append(String(decoding: event.result.body, as: UTF8.self)) }
            return bodies
        }
        try? await Task.sleep(for: .milliseconds(50))  // the consumer waits
        #expect(queue.push(Self.event("gifticon:1", 42, "live")) == .queued)
        #expect(queue.push(Self.event("gifticon:1", 42, "catch-up")) == .coalesced)
        queue.finish()
        try? await Task.sleep(for: .milliseconds(50))
        queue.release()
        #expect(await consumer.value == ["catch-up"])
    }

    /// The live event about a change the catch-up already sent arrives only after the catch-up was released (the
    /// gateway read the notice late): it is dropped, and a later change still comes.
    @Test func aLiveEventTheCatchUpCoveredIsDroppedAfterTheRelease() async {
        let queue = SubscriberQueue(capacity: 4, holding: true)
        var caughtUp = Self.event("gifticon:1", 42, "catch-up")
        caughtUp.isCatchUp = true
        #expect(queue.push(caughtUp) == .queued)
        #expect(queue.push(Self.event("gifticon:2", 40, "live, covered")) == .queued)
        queue.release(covered: LSN(42))
        #expect(queue.push(Self.event("gifticon:1", 42, "live again")) == .coalesced)
        #expect(queue.push(Self.event("gifticon:3", 43, "newer")) == .queued)
        queue.finish()
        var bodies: [String] = []
        while let event = await queue.next() { bodies.append(String(decoding: event.result.body, as: UTF8.self)) }
        #expect(bodies == ["catch-up", "newer"])
    }

    @Test func pastTheCapacityTheOldestEntityIsDropped() async {
        let queue = SubscriberQueue(capacity: 3)
        var outcomes: [SubscriberQueue.Outcome] = []
        for i in 1...10 { outcomes.append(queue.push(Self.event("gifticon:\(i)", UInt64(i)))) }
        #expect(outcomes.filter { $0 == .dropped }.count == 7)
        queue.finish()
        var kept: [String] = []
        while let event = await queue.next() { kept.append(event.entity) }
        #expect(kept == ["gifticon:8", "gifticon:9", "gifticon:10"])
    }

    @Test func aWaitingConsumerGetsTheNextEventAndAClosedQueueTakesNone() async {
        let queue = SubscriberQueue(capacity: 2)
        async let next = queue.next()
        try? await Task.sleep(for: .milliseconds(50))
        queue.push(Self.event("seller:1", 1))
        #expect(await next?.entity == "seller:1")
        queue.close()
        #expect(queue.push(Self.event("seller:1", 2)) == .closed)
        #expect(await queue.next() == nil)
    }

    @Test func aCancelledConsumerEndsTheQueue() async {
        let queue = SubscriberQueue(capacity: 2)
        let waiting = Task { await queue.next() }
        try? await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        #expect(await waiting.value == nil)
        #expect(queue.isClosed)
    }
}
