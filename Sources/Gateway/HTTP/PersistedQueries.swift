import Crypto
import Foundation
import GraphQLEngine
import Synchronization

/// Automatic persisted queries: a client sends `extensions.persistedQuery.sha256Hash` alone, and once with the
/// text when the gateway answers PERSISTED_QUERY_NOT_FOUND. The texts are kept by hash, bounded by entries and by
/// bytes (texts and hashes; least recently used first). A text is stored only when its hash matches and it parsed
/// and validated (the caller stores it after validating), so unparseable texts cost nothing to keep.
final class PersistedQueries: Sendable {
    private let state: Mutex<LRUCache<String, String>>

    init(capacity: Int, byteCapacity: Int = 16 << 20) {
        state = Mutex(LRUCache(capacity: max(1, capacity), byteCapacity: byteCapacity))
    }

    func text(for hash: String) -> String? { state.withLock { $0.value(for: hash.lowercased()) } }

    func store(_ text: String, hash: String) {
        let key = hash.lowercased()
        // The text, its 64-byte key twice (the map and the entry) and a little bookkeeping.
        let cost = text.utf8.count + 2 * key.utf8.count + 64
        state.withLock { cache in
            if cache.value(for: key) == nil { cache.set(text, for: key, cost: cost) }
        }
    }

    /// Texts held and their bytes.
    var statistics: (count: Int, bytes: Int) { state.withLock { ($0.count, $0.bytes) } }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
