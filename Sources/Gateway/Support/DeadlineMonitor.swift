import Foundation

/// The deadlines of every running request, watched by one thread: registering one is a dictionary insert under a
/// lock, with no timer of its own (a sleeping task or an event-loop timer per request cost more than a cached
/// query's execution). The thread sleeps until the earliest deadline, so a deadline fires within a few
/// milliseconds, even when the cooperative pool is starved.
///
/// `@unchecked`: its thread sleeps on a condition variable (a timed wait that a new, earlier deadline cuts short),
/// which `Mutex` does not offer; every stored property is touched only with `condition` held.
final class DeadlineMonitor: @unchecked Sendable {
    static let shared = DeadlineMonitor()

    private struct Entry {
        let deadline: ContinuousClock.Instant
        let fire: @Sendable () -> Void
    }

    private let condition = NSCondition()
    private let clock = ContinuousClock()
    private var entries: [UInt64: Entry] = [:]
    private var nextID: UInt64 = 0
    /// The deadline the thread sleeps until (nil: no deadline, it waits for one).
    private var wakeAt: ContinuousClock.Instant?

    private init() {
        let thread = Thread { [unowned self] in self.watch() }
        thread.name = "gateway-deadlines"
        thread.start()
    }

    /// Calls `fire` once `limit` has passed, unless `cancel` comes first. Returns the id to cancel with.
    func register(after limit: Duration, _ fire: @escaping @Sendable () -> Void) -> UInt64 {
        let deadline = clock.now + limit
        condition.lock()
        defer { condition.unlock() }
        nextID &+= 1
        entries[nextID] = Entry(deadline: deadline, fire: fire)
        if wakeAt.map({ deadline < $0 }) ?? true {
            wakeAt = deadline
            condition.signal()
        }
        return nextID
    }

    func cancel(_ id: UInt64) {
        condition.lock()
        entries[id] = nil
        condition.unlock()
    }

    private func watch() {
        while true {
            condition.lock()
            if let wakeAt {
                let remaining = clock.now.duration(to: wakeAt)
                if remaining > .zero {
                    let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
                    _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
                }
            } else {
                condition.wait()
            }
            // Fire what is due; sleep until the earliest of the rest.
            let now = clock.now
            var due: [@Sendable () -> Void] = []
            var earliest: ContinuousClock.Instant?
            for (id, entry) in entries {
                if entry.deadline <= now {
                    due.append(entry.fire)
                    entries[id] = nil
                } else if earliest.map({ entry.deadline < $0 }) ?? true {
                    earliest = entry.deadline
                }
            }
            wakeAt = earliest
            condition.unlock()
            for fire in due { fire() }
        }
    }
}
