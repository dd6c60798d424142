import Foundation
import Synchronization

/// Calls `tick` every `interval` on a thread of its own until stopped: the change stream's status updates to the
/// walsender, which must keep coming however busy the rest of the process is.
final class FeedbackTimer: Sendable {
    private let condition = NSCondition()
    /// Set by `stop`, read by the thread (both under the condition's lock, so a stop never falls between a check
    /// and the wait).
    private let stopped = Atomic<Bool>(false)

    init(every interval: Duration, tick: @escaping @Sendable () -> Void) {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let thread = Thread { [self] in
            condition.lock()
            while !stopped.load(ordering: .relaxed) {
                if !condition.wait(until: Date().addingTimeInterval(seconds)), !stopped.load(ordering: .relaxed) {
                    condition.unlock()
                    tick()
                    condition.lock()
                }
            }
            condition.unlock()
        }
        thread.name = "wal-feedback"
        thread.start()
    }

    /// Stops the timer; returns at once (a tick already running finishes on its own).
    func stop() {
        condition.lock()
        stopped.store(true, ordering: .relaxed)
        condition.signal()
        condition.unlock()
    }
}
