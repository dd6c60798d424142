import GraphQLEngine
import JSON
import Stores
import Synchronization

/// Read-model documents (and seller ratings) kept in memory between requests, valid for one applied WAL position.
///
/// Why: the read models change only when the sync applies a transaction, and it publishes each applied position.
/// Every entry belongs to the generation (applied position) that was current when it was read; when the position
/// moves, everything is dropped, since any document may have changed. A consistency wait that sees a newer position
/// advances the generation before the query reads, so read-your-writes holds. When the position cannot be read for
/// `maximumBlindness` (Redis down), lookups bypass the cache instead of serving a frozen copy.
final class ReadModelCache: Sendable {
    private struct State {
        var generation: LSN?
        var lastObserved: ContinuousClock.Instant
        var entries: [String: [Int64: JSONValue]] = [:]
        var count = 0
        var bytes = 0

        /// The generation while the position was read lately, else nil.
        func servedGeneration(now: ContinuousClock.Instant, maximumBlindness: Duration) -> LSN? {
            now - lastObserved < maximumBlindness ? generation : nil
        }
    }

    private let capacity: Int
    private let byteCapacity: Int
    private let maximumBlindness: Duration
    private let clock = ContinuousClock()
    private let state: Mutex<State>

    init(capacity: Int = 200_000, byteCapacity: Int = 64 << 20, maximumBlindness: Duration = .milliseconds(500)) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
        self.maximumBlindness = maximumBlindness
        state = Mutex(State(lastObserved: clock.now))
    }

    /// The sync has applied `position` (read just now from Redis).
    func observe(applied position: LSN) {
        let now = clock.now
        state.withLock { state in
            state.lastObserved = now
            if state.generation == nil || position > state.generation! {
                state.generation = position
                state.entries.removeAll(keepingCapacity: true)
                state.count = 0
                state.bytes = 0
            }
        }
    }

    /// The cached values of `ids` and the generation a fetch of the rest must be stored under (nil: do not cache).
    func lookup(_ kind: String, _ ids: [Int64]) -> (found: [Int64: JSONValue], generation: LSN?) {
        let (now, blindness) = (clock.now, maximumBlindness)
        return state.withLock { state in
            guard let generation = state.servedGeneration(now: now, maximumBlindness: blindness) else { return ([:], nil) }
            var found: [Int64: JSONValue] = [:]
            if let table = state.entries[kind] { for id in ids { if let value = table[id] { found[id] = value } } }
            return (found, generation)
        }
    }

    /// The generation reads are served from now (nil: none yet, or the position has not been read lately).
    func currentGeneration() -> LSN? {
        let (now, blindness) = (clock.now, maximumBlindness)
        return state.withLock { $0.servedGeneration(now: now, maximumBlindness: blindness) }
    }

    /// Documents held and their estimated bytes.
    var statistics: (count: Int, bytes: Int) { state.withLock { ($0.count, $0.bytes) } }

    /// The cached value of one id, if any (no generation needed: a miss is fetched through `lookup`).
    func value(_ kind: String, _ id: Int64) -> JSONValue? {
        let (now, blindness) = (clock.now, maximumBlindness)
        return state.withLock { state in
            state.servedGeneration(now: now, maximumBlindness: blindness) == nil ? nil : state.entries[kind]?[id]
        }
    }

    /// Keeps what was fetched while `generation` was current (dropped if the position moved meanwhile).
    func store(_ kind: String, _ values: [Int64: JSONValue], generation: LSN?) {
        guard let generation, !values.isEmpty else { return }
        let (capacity, byteCapacity) = (self.capacity, self.byteCapacity)
        // Measured outside the lock: documents come from the sync, but their sizes are still counted, not assumed.
        let bytes = values.values.reduce(0) { $0 + $1.estimatedBytes + 48 }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.count + values.count > capacity || state.bytes + bytes > byteCapacity {
                state.entries.removeAll(keepingCapacity: true)
                state.count = 0
                state.bytes = 0
            }
            guard bytes <= byteCapacity else { return }
            for (id, value) in values where state.entries[kind, default: [:]].updateValue(value, forKey: id) == nil { state.count += 1 }
            state.bytes += bytes
        }
    }
}
