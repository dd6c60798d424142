import Crypto
import Foundation
import GraphQLEngine

/// Automatic persisted queries: a client sends `extensions.persistedQuery.sha256Hash` alone, and once with the
/// text when the gateway answers PERSISTED_QUERY_NOT_FOUND. The texts are kept by hash (bounded: the oldest
/// stored goes first); a text is stored only when its hash matches.
final class PersistedQueries: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var texts: [String: String] = [:]
    private var order: [String] = []
    private var head = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func text(for hash: String) -> String? { lock.withLock { texts[hash.lowercased()] } }

    func store(_ text: String, hash: String) {
        let key = hash.lowercased()
        lock.withLock {
            guard texts[key] == nil else { return }
            if texts.count >= capacity, head < order.count {
                texts[order[head]] = nil
                head += 1
                if head > capacity { order.removeFirst(head); head = 0 }
            }
            texts[key] = text
            order.append(key)
        }
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
