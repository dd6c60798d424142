import Testing

/// A task beside the test (a sync, a relay, a member) whose failure is recorded as the test's issue as it happens:
/// a test waiting for what it should apply would otherwise time out with no word of why (a sync refused a
/// replication slot did just that). Failures once the task is cancelled are the test's own doing and pass silently.
func inBackground(_ what: String, _ body: @escaping @Sendable () async throws -> Void) -> Task<Void, any Error> {
    Task {
        do {
            try await body()
        } catch {
            if !Task.isCancelled, !(error is CancellationError) { Issue.record("\(what) stopped: \(error)") }
            throw error
        }
    }
}
