import Stores
import Synchronization

/// Whole responses to queries, kept for one read-model generation (applied WAL position), as the read-model cache
/// keeps documents: the same query with the same variables against the same read models answers the same bytes.
///
/// Only answers without errors are kept, and only when the read models did not move while the query ran. Queries
/// are public, so a response does not depend on the caller; one that selects `syncStatus` (its lag is a clock
/// reading) is never kept. Bounded by entries and by bytes, keys (query text, variables) included; when full, or
/// when the generation moves, everything goes.
final class ResponseCache: Sendable {
    struct Key: Hashable, Sendable {
        let query: String
        let operationName: String?
        let variables: [UInt8]
    }

    private struct State {
        var generation: LSN?
        var entries: [Key: [UInt8]] = [:]
        var bytes = 0
    }

    private let capacity: Int
    private let byteCapacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 10_000, byteCapacity: Int = 64 << 20) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
    }

    /// Whether a query's answers may be kept at all (judged from its text: a field name always appears in it).
    /// (A byte scan: Foundation's `String.contains` cost more than answering from the cache.)
    static func mayKeep(_ query: String) -> Bool {
        let needle = Array("syncStatus".utf8)
        var text = query
        text.makeContiguousUTF8()   // a no-op for native strings; makes the byte view below always available
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= needle.count else { return true }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                var i = 1
                while i < needle.count && bytes[start + i] == needle[i] { i += 1 }
                if i == needle.count { return false }
            }
            return true
        } ?? false
    }

    /// An entry's bytes: the answer, the key's texts and some bookkeeping.
    static func cost(_ body: [UInt8], _ key: Key) -> Int {
        body.count + key.query.utf8.count + (key.operationName?.utf8.count ?? 0) + key.variables.count + 128
    }

    /// Entries held and their bytes.
    var statistics: (count: Int, bytes: Int) { state.withLock { ($0.entries.count, $0.bytes) } }

    func response(for key: Key, generation: LSN) -> [UInt8]? {
        state.withLock { $0.generation == generation ? $0.entries[key] : nil }
    }

    /// Keeps `body`, computed entirely while `generation` was current.
    func store(_ body: [UInt8], for key: Key, generation: LSN) {
        let (capacity, byteCapacity) = (self.capacity, self.byteCapacity)
        state.withLock { state in
            if state.generation != generation {
                guard state.generation.map({ generation > $0 }) ?? true else { return }
                state.generation = generation
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            let cost = Self.cost(body, key)
            guard cost <= byteCapacity else { return }
            if state.entries.count >= capacity || state.bytes + cost > byteCapacity {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if state.entries.updateValue(body, forKey: key) == nil { state.bytes += cost }
        }
    }
}
