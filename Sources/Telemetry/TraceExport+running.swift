import Logging
import ServiceLifecycle

extension TraceExport {
    /// Runs `body` with spans exported as `bootstrap` decides, then shuts the exporter down gracefully, so that the
    /// last spans are sent before the process ends (a command-line job, or a sync stopped by a signal).
    public static func running<T: Sendable>(
        serviceName: String, environment: [String: String], logger: Logger, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        guard let exporter = try bootstrap(serviceName: serviceName, environment: environment, logger: logger) else {
            return try await body()
        }
        let group = ServiceGroup(services: [exporter], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let outcome: Result<T, any Error>
            do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try outcome.get()
        }
    }
}
