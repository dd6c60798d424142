import Foundation

/// Calls `tick` every `interval` on a thread of its own until stopped: the change stream's status updates to the
/// walsender, which must keep coming however busy the rest of the process is.
final class FeedbackTimer: @unchecked Sendable {
    private let condition = NSCondition()
    private let thread: Thread

    init(every interval: Duration, tick: @escaping @Sendable () -> Void) {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let condition = self.condition
        var thread: Thread!
        let box = StopBox()
        thread = Thread {
            condition.lock()
            while !box.stopped {
                if !condition.wait(until: Date().addingTimeInterval(seconds)), !box.stopped {
                    condition.unlock()
                    tick()
                    condition.lock()
                }
            }
            condition.unlock()
        }
        self.thread = thread
        self.box = box
        thread.name = "wal-feedback"
        thread.start()
    }

    private let box: StopBox

    /// Stops the timer; returns at once (a tick already running finishes on its own).
    func stop() {
        condition.lock()
        box.stopped = true
        condition.signal()
        condition.unlock()
    }
}

/// The stop flag, shared with the timer's thread (read and written under the condition's lock).
private final class StopBox: @unchecked Sendable {
    var stopped = false
}
