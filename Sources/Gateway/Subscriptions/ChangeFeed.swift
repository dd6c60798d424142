import Foundation
import Logging
import Stores
import Synchronization

/// The sync's change stream as this gateway instance reads it: blocking reads (`XREAD BLOCK`) on a Redis connection
/// of its own, each batch of notices handed to `deliver`. Every instance reads the whole stream, so subscriptions on
/// any instance see every change. A Redis that is down or restarts is retried from the last id read.
final class ChangeFeed: Sendable {
    let redis: RedisClient
    let key: String
    private let logger: Logger
    private let executor = BlockingExecutor(threads: 1)
    private let started = Mutex<Task<Void, Never>?>(nil)
    private let reader = Mutex<Task<Void, Never>?>(nil)
    /// How long one blocking read waits for an entry before it is issued again (the stop's latency).
    static let blockMillis = 1_000
    static let batch = 1_000

    init(redis: RedisClient, key: String, logger: Logger) {
        self.redis = redis
        self.key = key
        self.logger = logger
    }

    /// Starts reading (once; later calls wait for the first) from the stream's end as of now: a subscription that
    /// registered before this returns misses nothing appended after it.
    func start(deliver: @escaping @Sendable ([ChangeNotice]) async -> Void) async {
        let ready = started.withLock { started -> Task<Void, Never> in
            if let started { return started }
            let task = Task { [self] in
                // Unreadable now: the reading loop finds the end itself once Redis answers.
                let from = (try? await redis.command(Self.newestEntry(key))).map(Self.id(ofNewest:))
                reader.withLock { $0 = Task { await self.read(from: from, deliver) } }
            }
            started = task
            return task
        }
        await ready.value
    }

    /// The command reading the stream's newest entry, where a reader starts.
    static func newestEntry(_ key: String) -> [String] { ["XREVRANGE", key, "+", "-", "COUNT", "1"] }

    /// That entry's id; "0-0" for an empty stream (or none yet).
    static func id(ofNewest reply: RedisValue) -> String { reply.array?.first?.array?.first?.string ?? "0-0" }

    func stop() async {
        await started.withLock { $0 }?.value
        let task = reader.withLock { $0 }
        task?.cancel()
        await task?.value
        await executor.shutdown()
    }

    private func read(from start: String?, _ deliver: @escaping @Sendable ([ChangeNotice]) async -> Void) async {
        var connection: UnsafeTransfer<RedisConnection>?
        var last = start
        var failures = 0
        let (url, key) = (redis.url, self.key)
        while !Task.isCancelled {
            do {
                if connection == nil {
                    connection = try await executor.run {
                        UnsafeTransfer(try RedisConnection(url: url, timeout: .milliseconds(Self.blockMillis + 5_000)))
                    }
                }
                let open = connection!
                if last == nil {
                    last = Self.id(ofNewest: try await executor.run { try open.value.command(Self.newestEntry(key)) })
                }
                let from = last!
                let reply = try await executor.run {
                    try open.value.command(["XREAD", "COUNT", String(Self.batch), "BLOCK", String(Self.blockMillis), "STREAMS", key, from])
                }
                let entries = reply.array?.first?.array?.dropFirst().first?.array ?? []
                if let id = entries.last?.array?.first?.string { last = id }
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                let notices = entries.compactMap(ChangeNotice.init(entry:)).map { notice in
                    var noticed = notice
                    noticed.noticedMillis = now
                    return noticed
                }
                if failures > 0 { logger.info("change stream readable again", metadata: ["after_failures": "\(failures)"]) }
                failures = 0
                if !notices.isEmpty { await deliver(notices) }
            } catch {
                connection?.value.close()
                connection = nil
                failures += 1
                if failures == 1 || failures % 60 == 0 {
                    logger.warning("change stream unreadable; subscriptions wait", metadata: ["error": "\(error)", "failures": "\(failures)"])
                }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        connection?.value.close()
    }

    /// The notices after `position` the stream still keeps, oldest first (at most `limit`), and whether they are all
    /// that came after it. They are when the stream reaches back to `position` (its oldest entry is not after it), or
    /// when nothing was applied since (`applied`, the sync's position now, is not past it). An empty stream with
    /// `applied` past `position` was trimmed: not complete.
    func notices(after position: LSN, applied: LSN?, limit: Int = 10_000) async throws -> (notices: [ChangeNotice], complete: Bool) {
        let first = try await redis.command("XRANGE", key, "-", "+", "COUNT", "1")
        let firstPosition = first.array?.first.flatMap(ChangeNotice.init(entry:))?.position
        let reply = try await redis.command(["XRANGE", key, "(" + ChangeNotice.streamID(position), "+", "COUNT", String(limit + 1)])
        let notices = (reply.array ?? []).compactMap(ChangeNotice.init(entry:))
        let reachesBack = firstPosition.map { $0 <= position } ?? false
        let nothingSince = applied.map { $0 <= position } ?? false
        return (Array(notices.prefix(limit)), (reachesBack || nothingSince) && notices.count <= limit)
    }
}
