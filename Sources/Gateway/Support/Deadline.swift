import Foundation

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
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: UnsafeContinuation<T, Never>?
    private var done = false
    private var cleanup: (@Sendable () -> Void)?

    func set(_ continuation: UnsafeContinuation<T, Never>) { lock.withLock { self.continuation = continuation } }

    func onResume(_ body: @escaping @Sendable () -> Void) {
        let already = lock.withLock { () -> Bool in
            if done { return true }
            cleanup = body
            return false
        }
        if already { body() }
    }

    /// True when this call resumed the continuation.
    @discardableResult
    func resume(with value: T) -> Bool {
        let (continuation, cleanup) = lock.withLock { () -> (UnsafeContinuation<T, Never>?, (@Sendable () -> Void)?) in
            guard !done else { return (nil, nil) }
            done = true
            defer { self.continuation = nil; self.cleanup = nil }
            return (self.continuation, self.cleanup)
        }
        guard let continuation else { return false }
        continuation.resume(returning: value)
        cleanup?()
        return true
    }
}
