import Logging
import Synchronization

/// This instance's live subscriptions: the shared groups by key, the inboxes the change feed fills (indexed by the
/// keys and kinds they follow, so a notice reaches only its followers), and the instance-wide limit.
final class SubscriptionHub: Sendable {
    private struct State {
        var groups: [String: SubscriptionGroup] = [:]
        var inboxes: [ObjectIdentifier: (inbox: NoticeInbox, interest: NoticeInterest)] = [:]
        var byKey: [String: Set<ObjectIdentifier>] = [:]
        var byKind: [String: Set<ObjectIdentifier>] = [:]
        var subscriptions = 0
    }

    let feed: ChangeFeed
    let maxSubscriptions: Int
    let metrics: SubscriptionMetrics
    private let state = Mutex(State())

    init(feed: ChangeFeed, maxSubscriptions: Int, metrics: SubscriptionMetrics) {
        self.feed = feed
        self.maxSubscriptions = maxSubscriptions
        self.metrics = metrics
    }

    /// Counts one more subscription; false past the instance's limit.
    func reserve() -> Bool {
        state.withLock { state in
            guard state.subscriptions < maxSubscriptions else { return false }
            state.subscriptions += 1
            return true
        }
    }

    /// Publishes the number of subscriptions open, once a new one follows the feed (so the gauge never counts one
    /// that could still miss a change).
    func opened() {
        metrics.subscriptions.set(Double(state.withLock { $0.subscriptions }))
    }

    /// The group for `key`, with `queue` in it; `made` is true when it is new (the caller starts its source).
    func join(_ key: String, _ queue: SubscriberQueue) -> (group: SubscriptionGroup, made: Bool) {
        let (joined, groups): ((SubscriptionGroup, Bool), Int) = state.withLock { state in
            if let group = state.groups[key], group.add(queue) { return ((group, false), state.groups.count) }
            let group = SubscriptionGroup(key: key, metrics: metrics)
            _ = group.add(queue)
            state.groups[key] = group
            return ((group, true), state.groups.count)
        }
        metrics.groups.set(Double(groups))
        return joined
    }

    /// A subscriber leaves (its client went away or its stream ended); the group ends with its last subscriber.
    func leave(_ group: SubscriptionGroup, _ queue: SubscriberQueue) {
        queue.close()
        let (wasLast, count, groups): (Bool, Int, Int) = state.withLock { state in
            state.subscriptions -= 1
            let wasLast = group.remove(queue)
            if wasLast, state.groups[group.key] === group { state.groups[group.key] = nil }
            return (wasLast, state.subscriptions, state.groups.count)
        }
        metrics.subscriptions.set(Double(count))
        metrics.groups.set(Double(groups))
        if wasLast { end(group) }
    }

    /// Ends a group: it leaves the registry, its inboxes stop receiving.
    func end(_ group: SubscriptionGroup) {
        let inboxes = group.end()
        state.withLock { state in
            if state.groups[group.key] === group { state.groups[group.key] = nil }
            for inbox in inboxes { Self.forget(inbox, in: &state) }
        }
    }

    /// An inbox for a group's source, filled with the notices `interest` follows.
    func inbox(for interest: NoticeInterest, of group: SubscriptionGroup) -> NoticeInbox {
        let inbox = NoticeInbox()
        state.withLock { state in
            let id = ObjectIdentifier(inbox)
            state.inboxes[id] = (inbox, interest)
            switch interest {
            case .keys(let keys): for key in keys { state.byKey[key, default: []].insert(id) }
            case .kind(let kind): state.byKind[kind, default: []].insert(id)
            }
        }
        group.adopt(inbox)
        return inbox
    }

    /// Hands each notice to the inboxes following one of its keys or kinds.
    func deliver(_ notices: [ChangeNotice]) {
        for notice in notices {
            let inboxes: [NoticeInbox] = state.withLock { state in
                var ids = Set<ObjectIdentifier>()
                var kinds = Set<Substring>()
                for key in notice.keys {
                    if let followers = state.byKey[key] { ids.formUnion(followers) }
                    if let colon = key.firstIndex(of: ":") { kinds.insert(key[..<colon]) }
                }
                for kind in kinds { if let followers = state.byKind[String(kind)] { ids.formUnion(followers) } }
                return ids.compactMap { state.inboxes[$0]?.inbox }
            }
            for inbox in inboxes { inbox.push(notice) }
        }
    }

    private static func forget(_ inbox: NoticeInbox, in state: inout State) {
        let id = ObjectIdentifier(inbox)
        guard let (_, interest) = state.inboxes.removeValue(forKey: id) else { return }
        switch interest {
        case .keys(let keys):
            for key in keys {
                state.byKey[key]?.remove(id)
                if state.byKey[key]?.isEmpty == true { state.byKey[key] = nil }
            }
        case .kind(let kind):
            state.byKind[kind]?.remove(id)
            if state.byKind[kind]?.isEmpty == true { state.byKind[kind] = nil }
        }
    }
}
