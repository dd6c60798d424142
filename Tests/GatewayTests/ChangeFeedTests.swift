import Logging
import Stores
import Testing
@testable import Gateway

/// A resume's catch-up is complete only when the stream provably holds everything after the client's position: it
/// reaches back to it, or nothing was applied since. An empty stream after a trim is not "nothing missed".
@Suite struct ChangeFeedTests {
    @Test func whatAResumeMissedIsCompleteOnlyWhenTheStreamReachesBackOrNothingWasApplied() async throws {
        let redis = RedisClient(url: StoreSettings.fromEnvironment().redisURL)
        let key = "test:feed_\(UInt32.random(in: 0...UInt32.max)):sync:changes"
        let feed = ChangeFeed(redis: redis, key: key, logger: Logger(label: "test"))
        defer { Task { _ = try? await redis.command("DEL", key) } }

        // Empty: complete only if the sync has applied nothing past the client's position.
        var answer = try await feed.notices(after: LSN(100), applied: LSN(100))
        #expect(answer.complete && answer.notices.isEmpty)
        answer = try await feed.notices(after: LSN(100), applied: LSN(200))
        #expect(!answer.complete, "changes were applied that the stream no longer holds")

        for position in [150, 200, 250] as [UInt64] {
            _ = try await redis.command("XADD", key, ChangeNotice.streamID(LSN(position)), "lsn", "\(LSN(position))", "commitMillis", "0",
                                        "keys", "gifticon:\(position)")
        }
        answer = try await feed.notices(after: LSN(150), applied: LSN(250))
        #expect(answer.complete && answer.notices.map(\.position.value) == [200, 250], "the stream reaches back to 150")
        answer = try await feed.notices(after: LSN(100), applied: LSN(250))
        #expect(!answer.complete && answer.notices.count == 3, "entries between 100 and 150 may have been trimmed")
        answer = try await feed.notices(after: LSN(150), applied: LSN(250), limit: 1)
        #expect(!answer.complete, "more than the limit")
    }
}
