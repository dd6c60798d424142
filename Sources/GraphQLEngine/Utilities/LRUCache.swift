/// A bounded map that forgets the least recently used entry when full; not synchronized (callers lock).
/// Entries live in one array linked by indexes, so a hit moves no memory and allocates nothing.
struct LRUCache<Key: Hashable, Value> {
    private struct Entry {
        var key: Key
        var value: Value
        var newer: Int
        var older: Int
    }

    let capacity: Int
    private var indexByKey: [Key: Int] = [:]
    private var entries: [Entry] = []
    private var newest = -1
    private var oldest = -1

    init(capacity: Int) {
        precondition(capacity > 0, "an LRU cache holds at least one entry")
        self.capacity = capacity
        indexByKey.reserveCapacity(capacity)
    }

    var count: Int { indexByKey.count }

    /// The value for `key`, which becomes the most recently used.
    mutating func value(for key: Key) -> Value? {
        guard let index = indexByKey[key] else { return nil }
        moveToNewest(index)
        return entries[index].value
    }

    /// Stores `value` as the most recently used, evicting the oldest entry when full.
    mutating func set(_ value: Value, for key: Key) {
        if let index = indexByKey[key] {
            entries[index].value = value
            moveToNewest(index)
            return
        }
        let index: Int
        if entries.count < capacity {
            index = entries.count
            entries.append(Entry(key: key, value: value, newer: -1, older: -1))
        } else {
            index = oldest
            unlink(index)
            indexByKey[entries[index].key] = nil
            entries[index] = Entry(key: key, value: value, newer: -1, older: -1)
        }
        indexByKey[key] = index
        linkAsNewest(index)
    }

    private mutating func moveToNewest(_ index: Int) {
        guard index != newest else { return }
        unlink(index)
        linkAsNewest(index)
    }

    private mutating func unlink(_ index: Int) {
        let newer = entries[index].newer, older = entries[index].older
        if newer >= 0 { entries[newer].older = older } else { newest = older }
        if older >= 0 { entries[older].newer = newer } else { oldest = newer }
        entries[index].newer = -1
        entries[index].older = -1
    }

    private mutating func linkAsNewest(_ index: Int) {
        entries[index].older = newest
        entries[index].newer = -1
        if newest >= 0 { entries[newest].newer = index }
        newest = index
        if oldest < 0 { oldest = index }
    }
}
