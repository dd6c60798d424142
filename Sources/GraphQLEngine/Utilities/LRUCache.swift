/// A bounded map that forgets the least recently used entries when full; not synchronized (callers lock).
/// Entries live in one array linked by indexes, so a hit moves no memory and allocates nothing.
///
/// Bounded twice: by entry count, and by the entries' costs (their bytes, keys included, as the caller measures
/// them), so a client sending large unique texts cannot grow it past `byteCapacity`. An entry costing more than
/// the whole budget is not kept.
public struct LRUCache<Key: Hashable, Value> {
    private struct Entry {
        /// nil once evicted, so an evicted value's memory goes at once, not when its slot is reused.
        var item: (key: Key, value: Value)?
        var cost: Int
        var newer: Int
        var older: Int
    }

    public let capacity: Int
    public let byteCapacity: Int
    private var indexByKey: [Key: Int] = [:]
    private var entries: [Entry] = []
    /// Slots of evicted entries, reused before the array grows.
    private var free: [Int] = []
    private var newest = -1
    private var oldest = -1
    public private(set) var bytes = 0

    public init(capacity: Int, byteCapacity: Int = .max) {
        precondition(capacity > 0, "an LRU cache holds at least one entry")
        self.capacity = capacity
        self.byteCapacity = byteCapacity
        indexByKey.reserveCapacity(min(capacity, 4_096))
    }

    public var count: Int { indexByKey.count }

    /// The value for `key`, which becomes the most recently used.
    public mutating func value(for key: Key) -> Value? {
        guard let index = indexByKey[key] else { return nil }
        moveToNewest(index)
        return entries[index].item?.value
    }

    /// Stores `value` as the most recently used, evicting the oldest entries until both bounds hold.
    public mutating func set(_ value: Value, for key: Key, cost: Int = 0) {
        if let index = indexByKey[key] { remove(at: index) }
        guard cost <= byteCapacity else { return }
        while !indexByKey.isEmpty && (indexByKey.count >= capacity || bytes + cost > byteCapacity) { remove(at: oldest) }
        let entry = Entry(item: (key, value), cost: cost, newer: -1, older: -1)
        let index: Int
        if let slot = free.popLast() {
            index = slot
            entries[index] = entry
        } else {
            index = entries.count
            entries.append(entry)
        }
        indexByKey[key] = index
        bytes += cost
        linkAsNewest(index)
    }

    private mutating func remove(at index: Int) {
        unlink(index)
        if let key = entries[index].item?.key { indexByKey[key] = nil }
        bytes -= entries[index].cost
        entries[index].item = nil
        entries[index].cost = 0
        free.append(index)
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
