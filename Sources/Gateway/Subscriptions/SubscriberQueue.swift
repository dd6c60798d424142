import Stores
import Synchronization

/// What one subscriber has not been sent yet, bounded and coalescing: a newer event about an entity replaces the
/// queued one in place (the client gets the latest state once), and past `capacity` entities the oldest is dropped.
/// A slow client so gets fewer, newer events, and its memory is at most `capacity` events. A resumed subscriber's
/// queue holds its events back until the catch-up is in, so a live event and the catch-up's event about the same
/// change coalesce into one (the catch-up's, flagged) instead of reaching the client one after the other.
final class SubscriberQueue: Sendable {
    struct Event: Sendable {
        /// What the event is about (`gifticon:7`); events about the same entity coalesce.
        let entity: String
        let result: StreamedResult
        /// The commit the event follows (ms since 1970, 0 unknown): the delivery latency's start.
        let commitMillis: Int64
        /// When the gateway read the change's notice (ms since 1970, 0 unknown): the fan-out latency's start.
        var noticedMillis: Int64 = 0
        /// A resume's catch-up event (never dropped as covered by the catch-up).
        var isCatchUp = false
    }

    enum Outcome: Equatable { case queued, coalesced, dropped, closed }

    private struct State {
        var events: [Event] = []
        var waiter: CheckedContinuation<Event?, Never>?
        /// No more events: the queue drains, then ends.
        var finished = false
        /// Ended now: the consumer went away.
        var closed = false
        /// Events queue but are not handed out (a catch-up is under way).
        var holding = false
        /// The position a resume's catch-up covered: a live event at or before it shows nothing the client lacks.
        var covered: LSN?
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int, holding: Bool = false) {
        self.capacity = max(1, capacity)
        state.withLock { $0.holding = holding }
    }

    /// Queues `event`: replacing an older one about the same entity, or dropping the oldest past the capacity.
    @discardableResult
    func push(_ event: Event) -> Outcome {
        let (outcome, waiter): (Outcome, CheckedContinuation<Event?, Never>?) = state.withLock { state in
            guard !state.closed, !state.finished else { return (.closed, nil) }
            if Self.isCovered(event, by: state.covered) { return (.coalesced, nil) }
            if let waiter = state.waiter, !state.holding {
                state.waiter = nil
                return (.queued, waiter)
            }
            if let i = state.events.firstIndex(where: { $0.entity == event.entity }) {
                // Never replace a newer state with an older one (a resume's catch-up can finish after a live event).
                if (event.result.position ?? .zero) >= (state.events[i].result.position ?? .zero) { state.events[i] = event }
                return (.coalesced, nil)
            }
            state.events.append(event)
            if state.events.count > capacity {
                state.events.removeFirst()
                return (.dropped, nil)
            }
            return (.queued, nil)
        }
        waiter?.resume(returning: event)
        return outcome
    }

    /// The oldest queued event; nil once finished and drained, closed, or when the waiting task is cancelled.
    func next() async -> Event? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: Event?? = state.withLock { state in
                    if state.closed || Task.isCancelled { return .some(nil) }
                    if !state.events.isEmpty, !state.holding { return .some(state.events.removeFirst()) }
                    if state.finished, state.events.isEmpty { return .some(nil) }
                    state.waiter = continuation
                    return .none
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            close()
        }
    }

    /// Hands out what was held and what comes next (the catch-up is in). A catch-up resolved at the read models
    /// as of `covered` (a position): live events at or before it, queued or yet to come, repeat what it sent.
    func release(covered: LSN? = nil) {
        let (waiter, event): (CheckedContinuation<Event?, Never>?, Event??) = state.withLock { state in
            state.holding = false
            if let covered {
                state.covered = max(state.covered ?? covered, covered)
                state.events.removeAll { Self.isCovered($0, by: state.covered) }
            }
            guard let waiter = state.waiter else { return (nil, nil) }
            if !state.events.isEmpty {
                state.waiter = nil
                return (waiter, .some(state.events.removeFirst()))
            }
            if state.finished || state.closed {
                state.waiter = nil
                return (waiter, .some(nil))
            }
            return (nil, nil)
        }
        if let waiter, let event { waiter.resume(returning: event) }
    }

    /// No more events will come: what is queued is still delivered.
    func finish() { end { $0.finished = true } }

    /// The consumer is gone: everything queued is freed.
    func close() {
        end { state in
            state.closed = true
            state.events = []
        }
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    private static func isCovered(_ event: Event, by covered: LSN?) -> Bool {
        guard let covered, !event.isCatchUp, let position = event.result.position else { return false }
        return position <= covered
    }

    private func end(_ change: (inout State) -> Void) {
        let waiter = state.withLock { state -> CheckedContinuation<Event?, Never>? in
            change(&state)
            // Finished with events still held: the waiter gets them once they are released.
            guard state.closed || state.events.isEmpty else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }
}
