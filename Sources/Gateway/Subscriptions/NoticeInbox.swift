import Synchronization

/// The notices one subscription source has not taken yet, merged: while its last event is being resolved, later
/// notices become one (the newest position, every touched key once), so a source that falls behind holds one
/// pending notice, never a backlog. The source resolves current state, so nothing is lost by merging.
final class NoticeInbox: Sendable {
    private struct State {
        var pending: ChangeNotice?
        var waiter: CheckedContinuation<ChangeNotice?, Never>?
        var closed = false
    }

    private let state = Mutex(State())

    func push(_ notice: ChangeNotice) {
        let resumed: (CheckedContinuation<ChangeNotice?, Never>, ChangeNotice)? = state.withLock { state in
            guard !state.closed else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return (waiter, notice)
            }
            state.pending = state.pending.map { $0.merged(with: notice) } ?? notice
            return nil
        }
        if let (waiter, notice) = resumed { waiter.resume(returning: notice) }
    }

    /// The next (merged) notice; nil once closed or when the waiting task is cancelled.
    func next() async -> ChangeNotice? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: ChangeNotice?? = state.withLock { state in
                    if state.closed || Task.isCancelled { return .some(nil) }
                    if let pending = state.pending {
                        state.pending = nil
                        return .some(pending)
                    }
                    state.waiter = continuation
                    return .none
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            close()
        }
    }

    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<ChangeNotice?, Never>? in
            state.closed = true
            state.pending = nil
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }
}

extension ChangeNotice {
    /// This notice and a later one as one: the later position, the earliest commit and read times, every key once.
    func merged(with later: ChangeNotice) -> ChangeNotice {
        var seen = Set(keys)
        var keys = self.keys
        for key in later.keys where seen.insert(key).inserted { keys.append(key) }
        let commits = [commitMillis, later.commitMillis].filter { $0 > 0 }
        var merged = ChangeNotice(position: max(position, later.position), commitMillis: commits.min() ?? 0, keys: keys,
                                  isResync: isResync || later.isResync)
        merged.noticedMillis = [noticedMillis, later.noticedMillis].filter { $0 > 0 }.min() ?? 0
        return merged
    }
}
