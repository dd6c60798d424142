import Synchronization

/// The subscribers of one distinct subscription (document, operation, variables and viewer): its source is created
/// once and each event executed once, the encoded result handed to every subscriber's queue.
final class SubscriptionGroup: Sendable {
    let key: String
    private struct State {
        var subscribers: [ObjectIdentifier: SubscriberQueue] = [:]
        var task: Task<Void, Never>?
        var inboxes: [NoticeInbox] = []
        var ended = false
    }

    private let state = Mutex(State())
    private let metrics: SubscriptionMetrics

    init(key: String, metrics: SubscriptionMetrics) {
        self.key = key
        self.metrics = metrics
    }

    /// Adds a subscriber; false when the group has ended (its source finished), so the caller makes a new one.
    func add(_ queue: SubscriberQueue) -> Bool {
        state.withLock { state in
            guard !state.ended else { return false }
            state.subscribers[ObjectIdentifier(queue)] = queue
            return true
        }
    }

    /// Removes a subscriber; true when it was the last (the caller then ends the group).
    func remove(_ queue: SubscriberQueue) -> Bool {
        state.withLock { state in
            state.subscribers[ObjectIdentifier(queue)] = nil
            return state.subscribers.isEmpty
        }
    }

    /// The inbox the group's source reads, closed when the group ends.
    func adopt(_ inbox: NoticeInbox) {
        let ended = state.withLock { state in
            state.inboxes.append(inbox)
            return state.ended
        }
        if ended { inbox.close() }
    }

    func run(_ task: Task<Void, Never>) { state.withLock { $0.task = task } }

    func broadcast(_ event: SubscriberQueue.Event) {
        let queues = state.withLock { Array($0.subscribers.values) }
        for queue in queues { metrics.queued(queue.push(event)) }
    }

    /// Ends the group: its source stops, its inboxes close, and subscribers still in it get what is queued, then
    /// their streams finish. Returns the inboxes, for the hub to forget.
    @discardableResult
    func end() -> [NoticeInbox] {
        let (task, inboxes, queues) = state.withLock { state in
            state.ended = true
            defer { state.subscribers = [:] }
            return (state.task, state.inboxes, Array(state.subscribers.values))
        }
        task?.cancel()
        for inbox in inboxes { inbox.close() }
        for queue in queues { queue.finish() }
        return inboxes
    }
}
