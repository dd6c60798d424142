import Foundation

/// Runs `operation` and answers nil once `limit` passes, without waiting for the operation to wind down (it is
/// cancelled and finishes in the background: a store call on a blocking thread cannot be interrupted).
///
/// ```swift
/// guard let result = await withDeadline(.seconds(10), { await execute(...) }) else { return timedOut() }
/// ```
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    let gate = ResumeOnce<T?>()
    return await withCheckedContinuation { continuation in
        gate.set(continuation)
        let work = Task {
            let value = await operation()
            gate.resume(with: value)
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            if !Task.isCancelled, gate.resume(with: nil) { work.cancel() }
        }
        gate.onResume { timer.cancel() }
    }
}

/// A continuation resumed by whichever side comes first.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?
    private var done = false
    private var cleanup: (@Sendable () -> Void)?

    func set(_ continuation: CheckedContinuation<T, Never>) { lock.withLock { self.continuation = continuation } }

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
        let (continuation, cleanup) = lock.withLock { () -> (CheckedContinuation<T, Never>?, (@Sendable () -> Void)?) in
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
