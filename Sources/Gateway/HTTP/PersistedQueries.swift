import Crypto
import Foundation
import Synchronization

/// Automatic persisted queries: a client sends `extensions.persistedQuery.sha256Hash` alone, and once with the
/// text when the gateway answers PERSISTED_QUERY_NOT_FOUND. The texts are kept by hash (bounded: the oldest
/// stored goes first); a text is stored only when its hash matches.
final class PersistedQueries: Sendable {
    private struct State {
        var texts: [String: String] = [:]
        /// Hashes in the order they were stored; those before `head` are gone.
        var order: [String] = []
        var head = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func text(for hash: String) -> String? { state.withLock { $0.texts[hash.lowercased()] } }

    func store(_ text: String, hash: String) {
        let key = hash.lowercased()
        let capacity = self.capacity
        state.withLock { state in
            guard state.texts[key] == nil else { return }
            if state.texts.count >= capacity, state.head < state.order.count {
                state.texts[state.order[state.head]] = nil
                state.head += 1
                if state.head > capacity { state.order.removeFirst(state.head); state.head = 0 }
            }
            state.texts[key] = text
            state.order.append(key)
        }
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
