import NIOPosix

/// Runs the C clients' blocking calls on threads of their own, never on an event loop or the cooperative pool.
///
/// Each store client owns one executor with as many threads as its connection pool has connections, so a caller
/// that holds a connection always finds a thread to run on.
public final class BlockingExecutor: Sendable {
    private let pool: NIOThreadPool

    public init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }

    /// Queues `body` without waiting for it (dropped once the executor is shut down).
    public func submit(_ body: @escaping @Sendable () -> Void) {
        pool.submit { state in
            if case .active = state { body() }
        }
    }

    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}
