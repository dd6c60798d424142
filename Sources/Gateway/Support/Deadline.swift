import Synchronization

/// Runs `operation` and answers nil once `limit` passes, without waiting for the operation to wind down (it is
/// cancelled and finishes in the background: a store call on a blocking thread cannot be interrupted).
/// The deadline is watched by `DeadlineMonitor`, not by a timer per call.
///
/// ```swift
/// guard let result = await withDeadline(.seconds(10), { await execute(...) }) else { return timedOut() }
/// ```
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    let gate = ResumeOnce<T?>()
    return await withUnsafeContinuation { continuation in
        gate.set(continuation)
        let work = Task {
            let value = await operation()
            gate.resume(with: value)
        }
        let timer = DeadlineMonitor.shared.register(after: limit) {
            if gate.resume(with: nil) { work.cancel() }
        }
        gate.onResume { DeadlineMonitor.shared.cancel(timer) }
    }
}

/// A continuation resumed by whichever side comes first (exactly once, so an unsafe continuation is safe here).
private final class ResumeOnce<T: Sendable>: Sendable {
    private struct State {
        var continuation: UnsafeContinuation<T, Never>?
        var done = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func set(_ continuation: UnsafeContinuation<T, Never>) { state.withLock { $0.continuation = continuation } }

    func onResume(_ body: @escaping @Sendable () -> Void) {
        let already = state.withLock { state -> Bool in
            if state.done { return true }
            state.cleanup = body
            return false
        }
        if already { body() }
    }

    /// True when this call resumed the continuation.
    @discardableResult
    func resume(with value: T) -> Bool {
        let (continuation, cleanup) = state.withLock { state -> (UnsafeContinuation<T, Never>?, (@Sendable () -> Void)?) in
            guard !state.done else { return (nil, nil) }
            state.done = true
            defer { state.continuation = nil; state.cleanup = nil }
            return (state.continuation, state.cleanup)
        }
        guard let continuation else { return false }
        continuation.resume(returning: value)
        cleanup?()
        return true
    }
}
