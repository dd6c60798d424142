import Foundation
import Synchronization
import Tracing

/// A connection the pool can hand out: opened and closed by blocking C calls on the pool's executor.
public protocol PooledConnection: AnyObject {
    /// False once the connection is broken; the pool then closes it and opens a fresh one when needed.
    var isHealthy: Bool { get }
    func close()
}

/// A bounded pool of blocking connections with an async face.
///
/// `withConnection` waits for a free connection (up to `acquireTimeout`, then fails with a timeout error), runs the
/// body on the pool's own threads, and returns the connection, or replaces it if the body left it broken.
public final class ConnectionPool<Connection: PooledConnection>: Sendable {
    public let maxConnections: Int
    public let acquireTimeout: Duration
    /// The longest a caller waits for a body's answer (nil: as long as the driver's own timeouts take). The driver's
    /// timeouts bound each step (a reply, a connect, a server selection), but a retried read takes several steps,
    /// and a loaded machine stretched one hung call to 18 s; past the deadline the caller gets a timeout error and
    /// the call finishes on its thread, returning its connection when the driver gives up.
    public let callDeadline: Duration?
    let executor: BlockingExecutor
    private let store: StoreError.Store
    private let state: PoolState<Connection>
    private let open: @Sendable () throws -> Connection

    public init(
        store: StoreError.Store, maxConnections: Int, acquireTimeout: Duration = .seconds(5), callDeadline: Duration? = nil,
        open: @escaping @Sendable () throws -> Connection
    ) {
        self.callDeadline = callDeadline
        self.store = store
        self.maxConnections = max(1, maxConnections)
        self.acquireTimeout = acquireTimeout
        self.open = open
        executor = BlockingExecutor(threads: self.maxConnections)
        state = PoolState(maxConnections: self.maxConnections)
    }

    /// Runs `body` with a connection of its own, on one of the pool's threads, in a client span named for the store
    /// and `operation` (waiting for a connection included: that is time the caller spends on the store).
    public func withConnection<T: Sendable>(
        operation: String = "call", _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        try await inClientSpan(operation) { try await lease(body) }
    }

    /// `withConnection` for a client that sends the trace on to its server: `body` also gets the span's W3C trace
    /// context headers (`traceparent`), so that the server's own spans join the caller's trace.
    public func withTracedConnection<T: Sendable>(
        operation: String, _ body: @escaping @Sendable (Connection, [(String, String)]) throws -> T
    ) async throws -> T {
        try await inClientSpan(operation) {
            var headers: [(String, String)] = []
            InstrumentationSystem.instrument.inject(ServiceContext.current ?? .topLevel, into: &headers, using: HeaderListInjector())
            let trace = headers
            return try await lease { try body($0, trace) }
        }
    }

    /// The client span of one call: the store and the operation, as OpenTelemetry's database conventions name them.
    /// A call outside any trace (a background poll of the applied position, many a second) makes no span: each would
    /// be a trace of its own, one span long.
    private func inClientSpan<T: Sendable>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        guard ServiceContext.current != nil else { return try await body() }
        return try await withSpan("\(store.rawValue) \(operation)", ofKind: .client) { span in
            span.attributes["db.system.name"] = store.systemName
            span.attributes["db.operation.name"] = operation
            return try await body()
        }
    }

    private func lease<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let slot = try await state.acquire(timeout: acquireTimeout, store: store)
        var connection = slot.map(\.value)
        do {
            if connection == nil {
                let open = self.open
                connection = try await executor.run { UnsafeTransfer(try open()) }.value
            }
        } catch {
            await state.forfeit()
            throw error
        }
        let lease = UnsafeTransfer(connection!)
        let work = Task {
            do {
                let result = try await executor.run { try body(lease.value) }
                await release(lease.value)
                return result
            } catch {
                await release(lease.value)
                throw error
            }
        }
        guard let callDeadline else { return try await work.value }
        return try await Self.result(of: work, within: callDeadline, store: store)
    }

    /// The work's result, or a timeout error once `deadline` has passed without one (the work goes on unawaited).
    private static func result<T: Sendable>(of work: Task<T, any Error>, within deadline: Duration,
                                            store: StoreError.Store) async throws -> T {
        let settled = Settled()
        return try await withCheckedThrowingContinuation { continuation in
            let timer = Task {
                try await Task.sleep(for: deadline)
                if settled.claim() {
                    continuation.resume(throwing: StoreError(store, .timeout, "no answer within \(deadline.wholeMilliseconds) ms"))
                }
            }
            Task {
                let result = await work.result
                timer.cancel()
                if settled.claim() { continuation.resume(with: result) }
            }
        }
    }

    private func release(_ connection: Connection) async {
        if connection.isHealthy {
            await state.giveBack(UnsafeTransfer(connection))
        } else {
            let lease = UnsafeTransfer(connection)
            _ = try? await executor.run { lease.value.close() }
            await state.forfeit()
        }
    }

    /// Closes every idle connection and stops the threads.
    public func shutdown() async {
        for idle in await state.drain() {
            _ = try? await executor.run { idle.value.close() }
        }
        await executor.shutdown()
    }

    /// How many connections are open and how many callers wait, for metrics and tests.
    public func statistics() async -> (open: Int, idle: Int, waiting: Int) { await state.statistics() }
}

/// The pool's bookkeeping: idle connections, how many exist, and who waits for one.
actor PoolState<Connection: PooledConnection> {
    typealias Slot = UnsafeTransfer<Connection>?
    private let maxConnections: Int
    private var idle: [UnsafeTransfer<Connection>] = []
    private var opened = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Slot, any Error>)] = []
    private var nextWaiter: UInt64 = 0

    init(maxConnections: Int) { self.maxConnections = maxConnections }

    /// An idle connection, or nil meaning "you may open a new one" (the slot is already counted).
    func acquire(timeout: Duration, store: StoreError.Store) async throws -> Slot {
        if let connection = idle.popLast() { return connection }
        if opened < maxConnections {
            opened += 1
            return nil
        }
        nextWaiter += 1
        let id = nextWaiter
        return try await withCheckedThrowingContinuation { continuation in
            waiters.append((id, continuation))
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                await self?.expire(id, store: store, timeout: timeout)
            }
        }
    }

    private func expire(_ id: UInt64, store: StoreError.Store, timeout: Duration) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(
            throwing: StoreError(store, .timeout, "no free connection within \(timeout) (pool of \(maxConnections))"))
    }

    func giveBack(_ connection: UnsafeTransfer<Connection>) {
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().continuation.resume(returning: connection)
        }
    }

    /// A connection was closed (broken) or never opened: free its slot, or let a waiter open a new one.
    func forfeit() {
        if waiters.isEmpty {
            opened -= 1
        } else {
            waiters.removeFirst().continuation.resume(returning: nil)
        }
    }

    func drain() -> [UnsafeTransfer<Connection>] {
        defer { opened -= idle.count; idle.removeAll() }
        return idle
    }

    func statistics() -> (open: Int, idle: Int, waiting: Int) { (opened, idle.count, waiters.count) }
}

/// Whether a one-time answer was given: the first to claim it answers.
private final class Settled: Sendable {
    private let claimed = Mutex(false)

    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}

/// Writes a trace context's propagation headers into a plain list.
private struct HeaderListInjector: Injector {
    func inject(_ value: String, forKey key: String, into headers: inout [(String, String)]) {
        headers.append((key, value))
    }
}
