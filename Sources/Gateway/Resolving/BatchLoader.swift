import Foundation
import JSON
import Synchronization

/// Loads values by key for one request, DataLoader-style: keys announced with `prime` (a page's sellers, say) wait,
/// and the first `load` fetches every waiting key in one call; each key is fetched at most once per request.
///
/// The engine completes a list's items one after another, so batching comes from priming: the resolver that
/// produced the list primes the keys its items will ask for.
///
/// ```swift
/// let sellers = BatchLoader<Int64, JSONValue> { ids in try await fetchUsers(ids) }
/// sellers.prime(page.map(\.sellerId))
/// let first = try await sellers.load(page[0].sellerId)   // one `$in` for the whole page
/// ```
final class BatchLoader<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    typealias Fetch = @Sendable ([Key]) async throws -> [Key: Value]
    typealias Peek = @Sendable (Key) -> Value?

    private struct State {
        /// The fetch each key is (or was) loaded by.
        var batches: [Key: Task<[Key: Value], any Error>] = [:]
        /// Primed keys waiting for the next fetch, in order and as a set.
        var waiting: [Key] = []
        var waitingSet: Set<Key> = []
    }

    private let fetch: Fetch
    private let peek: Peek?
    private let state = Mutex(State())

    /// `peek` answers from memory (the read-model cache) without a fetch or a task: the common case of a warm cache.
    init(peek: Peek? = nil, fetch: @escaping Fetch) {
        self.peek = peek
        self.fetch = fetch
    }

    /// Announces keys that will be loaded soon, so they join the next fetch.
    func prime<S: Sequence>(_ keys: S) where S.Element == Key {
        state.withLock { state in
            for key in keys where state.batches[key] == nil && !state.waitingSet.contains(key) {
                state.waiting.append(key)
                state.waitingSet.insert(key)
            }
        }
    }

    /// The value for `key`, nil when the store has none.
    func load(_ key: Key) async throws -> Value? {
        if let peek, let value = peek(key) { return value }
        let fetch = self.fetch
        let batch = state.withLock { state -> Task<[Key: Value], any Error> in
            if let known = state.batches[key] { return known }
            var keys = state.waiting
            if !state.waitingSet.contains(key) { keys.append(key) }
            state.waiting.removeAll()
            state.waitingSet.removeAll()
            let task = Task { try await fetch(keys) }
            for k in keys { state.batches[k] = task }
            return task
        }
        return try await batch.value[key]
    }

    /// The values for `keys` in their order (missing ones left out), in one fetch for those not loaded yet.
    func loadMany(_ keys: [Key]) async throws -> [Key: Value] {
        prime(keys)
        var found: [Key: Value] = [:]
        for key in keys { if let value = try await load(key) { found[key] = value } }
        return found
    }
}
