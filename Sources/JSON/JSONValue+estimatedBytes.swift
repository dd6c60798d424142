extension JSONValue {
    /// Roughly the heap bytes this value holds: each value's slot, strings' bytes beyond the 15 Swift keeps inline,
    /// arrays' and objects' storage (an object also keeps an index of its keys). An estimate for cache budgets, not
    /// an exact count: within a small factor of what the allocator reports, on the high side.
    public var estimatedBytes: Int {
        switch self {
        case .null, .bool, .int, .double:
            return 16
        case .string(let text):
            return 16 + Self.heapBytes(text)
        case .array(let items):
            return 48 + items.reduce(0) { $0 + $1.estimatedBytes }
        case .object(let object):
            var total = 96
            for (key, value) in object { total += 32 + Self.heapBytes(key) + value.estimatedBytes }
            return total
        }
    }

    private static func heapBytes(_ text: String) -> Int {
        let count = text.utf8.count
        return count <= 15 ? 0 : 32 + count
    }
}
