import Foundation
import Synchronization
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
    /// A body that hangs past the call deadline: the caller gets a timeout error while the body is still blocked
    /// (it cannot return before the test lets it), and the connection comes back to the pool once the body does.
    /// Causal, not timed: a loaded suite delays every task, so a wall-clock bound here would only measure the load.
    @Test func aCallPastItsDeadlineFailsWhileTheBodyHangsThenItsConnectionComesBack() async throws {
        // 2 s, not less: the deadline bounds the second call below too, and a loaded fresh-clone run took its
        // trivial body past 300 ms once.
        let pool = ConnectionPool<CountingConnection>(store: .mongo, maxConnections: 1, acquireTimeout: .seconds(120),
                                                      callDeadline: .seconds(2)) { CountingConnection() }
        let unblock = DispatchSemaphore(value: 0)
        let callerBack = DispatchSemaphore(value: 0)
        let bodyReturned = Mutex(false)
        // If the deadline did not work the caller would wait for the body: let the body go after 60 s, not hang.
        Thread { if callerBack.wait(timeout: .now() + 60) == .timedOut { unblock.signal() } }.start()
        await #expect(throws: StoreError.self) {
            try await pool.withConnection { _ in
                unblock.wait()
                bodyReturned.withLock { $0 = true }
            }
        }
        callerBack.signal()
        #expect(!bodyReturned.withLock { $0 }, "the caller waited for the hung body")
        #expect(await pool.statistics().idle == 0, "the hung body still holds the connection")
        unblock.signal()
        // The next caller gets the connection the body gives back when it returns (waited for, not timed).
        let returned = ContinuousClock.now + .seconds(60)
        while await pool.statistics().idle == 0, ContinuousClock.now < returned { try await Task.sleep(for: .milliseconds(10)) }
        let answer = try await pool.withConnection { _ in 42 }
        #expect(answer == 42)
        #expect(bodyReturned.withLock { $0 })
        #expect(await pool.statistics().idle == 1)
        await pool.shutdown()
    }

    /// Far more callers than connections: the connections alive at once (opened, not yet closed) stay within the
    /// bound, and no connection is lent to two callers at once. The pool's threads bound how many bodies run at
    /// once, not how many connections exist: a pool that opened one per caller would have 50 alive here.
    @Test func neverOpensMoreThanItsBound() async throws {
        // A generous wait limit: the bound is what is tested, and a loaded CI machine can be slow to hand back.
        let ledger = ConnectionLedger()
        let pool = ConnectionPool<TrackedConnection>(store: .redis, maxConnections: 3, acquireTimeout: .seconds(120)) {
            TrackedConnection(ledger)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Each caller comes back a few times: later callers get connections given back, not new ones.
            for _ in 0..<50 {
                group.addTask {
                    for _ in 0..<4 {
                        try await pool.withConnection { connection in
                            connection.borrow()
                            usleep(500)
                            connection.giveBack()
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(ledger.aliveAtMost <= 3, "connections alive at once: \(ledger.aliveAtMost)")
        #expect(ledger.lentTwice == 0, "a connection was lent to two callers at once \(ledger.lentTwice) times")
        #expect(await pool.statistics().open <= 3)
        await pool.shutdown()
        #expect(ledger.alive == 0, "shutdown closes every idle connection")
    }

    /// The bound itself, without the pool's threads: 30 callers, 4 times each, hold a connection across suspension
    /// points (as a caller awaiting something between two uses would): never more than 3 hold one at once, while all
    /// 3 are in use at some point (so a 4th holder would have been seen), and no connection is held by two at once.
    @Test func leasesHeldAcrossSuspensionStayWithinTheBound() async throws {
        let state = PoolState<TrackedConnection>(maxConnections: 3)
        let ledger = ConnectionLedger()
        let holders = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    for _ in 0..<4 {
                        let slot = try await state.acquire(timeout: .seconds(120), store: .redis)
                        let connection = slot?.value ?? TrackedConnection(ledger)
                        connection.borrow()
                        holders.add(1)
                        try await Task.sleep(for: .milliseconds(2))
                        await Task.yield()
                        holders.add(-1)
                        connection.giveBack()
                        await state.giveBack(UnsafeTransfer(connection))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(holders.maximum == 3, "callers holding a connection at once: \(holders.maximum)")
        #expect(ledger.opened == 3, "connections opened: \(ledger.opened)")
        #expect(ledger.lentTwice == 0, "a connection was lent to two callers at once \(ledger.lentTwice) times")
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

/// A connection that reports to a ledger when it is opened, lent, given back and closed.
final class TrackedConnection: PooledConnection, @unchecked Sendable {
    let ledger: ConnectionLedger
    private let lock = NSLock()
    private var lent = false
    var isHealthy = true

    init(_ ledger: ConnectionLedger) {
        self.ledger = ledger
        ledger.didOpen()
    }

    /// Marks the connection in use by the caller; a connection already in use is counted as lent twice.
    func borrow() {
        let twice = lock.withLock { defer { lent = true }; return lent }
        if twice { ledger.didLendTwice() }
    }

    func giveBack() { lock.withLock { lent = false } }

    func close() { ledger.didClose() }
}

/// What a test's connections did: how many were opened, alive at once at most, and lent twice.
final class ConnectionLedger: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var opened = 0
    private(set) var alive = 0
    private(set) var aliveAtMost = 0
    private(set) var lentTwice = 0

    func didOpen() {
        lock.withLock {
            opened += 1
            alive += 1
            aliveAtMost = max(aliveAtMost, alive)
        }
    }

    func didClose() { lock.withLock { alive -= 1 } }

    func didLendTwice() { lock.withLock { lentTwice += 1 } }
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
