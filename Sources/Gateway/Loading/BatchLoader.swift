import Foundation
import JSON

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
final class BatchLoader<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    typealias Fetch = @Sendable ([Key]) async throws -> [Key: Value]
    typealias Peek = @Sendable (Key) -> Value?

    private let fetch: Fetch
    private let peek: Peek?
    private let lock = NSLock()
    private var batches: [Key: Task<[Key: Value], any Error>] = [:]
    private var waiting: [Key] = []
    private var waitingSet: Set<Key> = []

    /// `peek` answers from memory (the read-model cache) without a fetch or a task: the common case of a warm cache.
    init(peek: Peek? = nil, fetch: @escaping Fetch) {
        self.peek = peek
        self.fetch = fetch
    }

    /// Announces keys that will be loaded soon, so they join the next fetch.
    func prime<S: Sequence>(_ keys: S) where S.Element == Key {
        lock.withLock {
            for key in keys where batches[key] == nil && !waitingSet.contains(key) {
                waiting.append(key)
                waitingSet.insert(key)
            }
        }
    }

    /// The value for `key`, nil when the store has none.
    func load(_ key: Key) async throws -> Value? {
        if let peek, let value = peek(key) { return value }
        let batch = lock.withLock { () -> Task<[Key: Value], any Error> in
            if let known = batches[key] { return known }
            var keys = waiting
            if !waitingSet.contains(key) { keys.append(key) }
            waiting.removeAll()
            waitingSet.removeAll()
            let fetch = self.fetch
            let task = Task { try await fetch(keys) }
            for k in keys { batches[k] = task }
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
