import Foundation
import Testing
@testable import Stores

/// A connection that only counts; `breakNext` makes the next use leave it broken.
final class CountingConnection: PooledConnection, @unchecked Sendable {
    nonisolated(unsafe) static var opened = 0
    static let lock = NSLock()
    var isHealthy = true
    /// Which connection this is (1, 2, ...): an object's address can be reused once it is freed, a serial cannot.
    let serial: Int
    init() { serial = CountingConnection.lock.withLock { CountingConnection.opened += 1; return CountingConnection.opened } }
    func close() {}
}

@Suite struct ConnectionPoolTests {
    @Test func neverOpensMoreThanItsBound() async throws {
        // A generous wait limit: the bound is what is tested, and a loaded CI machine can be slow to hand back.
        let pool = ConnectionPool<CountingConnection>(store: .redis, maxConnections: 3, acquireTimeout: .seconds(120)) { CountingConnection() }
        let inUse = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    try await pool.withConnection { _ in
                        inUse.add(1)
                        usleep(2_000)
                        inUse.add(-1)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(inUse.maximum <= 3)
        #expect(await pool.statistics().open <= 3)
        await pool.shutdown()
    }

    @Test func exhaustionTimesOutWithAClearError() async throws {
        let pool = ConnectionPool<CountingConnection>(store: .postgres, maxConnections: 1, acquireTimeout: .milliseconds(100)) {
            CountingConnection()
        }
        // The holder keeps the only connection far longer than the wait limit: had the waiter not timed out, it
        // would have received the connection when the holder let go, and no error would be thrown.
        // The waiter starts once the holder has the connection (a fixed sleep lost that race on a loaded machine).
        let held = AsyncStream<Void>.makeStream()
        async let holder: Void = pool.withConnection { _ in
            held.continuation.yield()
            usleep(10_000_000)  // the waiter's timer runs on the cooperative pool, which a loaded suite starves for seconds
        }
        for await _ in held.stream { break }
        await #expect {
            try await pool.withConnection { _ in }
        } throws: { error in
            (error as? StoreError)?.kind == .timeout && "\(error)".contains("no free connection")
        }
        try await holder
        await pool.shutdown()
    }

    @Test func brokenConnectionIsReplaced() async throws {
        let pool = ConnectionPool<CountingConnection>(store: .redis, maxConnections: 1) { CountingConnection() }
        let first = try await pool.withConnection { connection -> Int in
            connection.isHealthy = false
            return connection.serial
        }
        let second = try await pool.withConnection { $0.serial }
        #expect(first != second)
        #expect(await pool.statistics().open == 1)
        await pool.shutdown()
    }
}

/// Tracks a running value and its maximum across threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private(set) var maximum = 0
    func add(_ delta: Int) {
        lock.withLock {
            value += delta
            maximum = max(maximum, value)
        }
    }
}
