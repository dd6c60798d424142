import Foundation
import JSON
import Stores

/// Read-model documents (and seller ratings) kept in memory between requests, valid for one applied WAL position.
///
/// Why: the read models change only when the sync applies a transaction, and it publishes each applied position.
/// Every entry belongs to the generation (applied position) that was current when it was read; when the position
/// moves, everything is dropped, since any document may have changed. A consistency wait that sees a newer position
/// advances the generation before the query reads, so read-your-writes holds. When the position cannot be read for
/// `maximumBlindness` (Redis down), lookups bypass the cache instead of serving a frozen copy.
final class ReadModelCache: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private let maximumBlindness: Duration
    private let clock = ContinuousClock()
    private var generation: LSN?
    private var lastObserved: ContinuousClock.Instant
    private var entries: [String: [Int64: JSONValue]] = [:]
    private var count = 0

    init(capacity: Int = 200_000, maximumBlindness: Duration = .milliseconds(500)) {
        self.capacity = capacity
        self.maximumBlindness = maximumBlindness
        lastObserved = clock.now
    }

    /// The sync has applied `position` (read just now from Redis).
    func observe(applied position: LSN) {
        lock.withLock {
            lastObserved = clock.now
            if generation == nil || position > generation! {
                generation = position
                entries.removeAll(keepingCapacity: true)
                count = 0
            }
        }
    }

    /// The cached values of `ids` and the generation a fetch of the rest must be stored under (nil: do not cache).
    func lookup(_ kind: String, _ ids: [Int64]) -> (found: [Int64: JSONValue], generation: LSN?) {
        lock.withLock {
            guard let generation = servedGeneration else { return ([:], nil) }
            var found: [Int64: JSONValue] = [:]
            if let table = entries[kind] { for id in ids { if let value = table[id] { found[id] = value } } }
            return (found, generation)
        }
    }

    /// The generation reads are served from now (nil: none yet, or the position has not been read lately).
    func currentGeneration() -> LSN? { lock.withLock { servedGeneration } }

    /// The generation while the position was read lately, else nil (the lock held).
    private var servedGeneration: LSN? {
        clock.now - lastObserved < maximumBlindness ? generation : nil
    }

    /// The cached value of one id, if any (no generation needed: a miss is fetched through `lookup`).
    func value(_ kind: String, _ id: Int64) -> JSONValue? {
        lock.withLock {
            servedGeneration == nil ? nil : entries[kind]?[id]
        }
    }

    /// Keeps what was fetched while `generation` was current (dropped if the position moved meanwhile).
    func store(_ kind: String, _ values: [Int64: JSONValue], generation: LSN?) {
        guard let generation, !values.isEmpty else { return }
        lock.withLock {
            guard self.generation == generation else { return }
            if count + values.count > capacity {
                entries.removeAll(keepingCapacity: true)
                count = 0
            }
            for (id, value) in values where entries[kind, default: [:]].updateValue(value, forKey: id) == nil { count += 1 }
        }
    }
}
