/// A JSON object that keeps its keys in insertion order.
///
/// One contiguous array of entries (one allocation per object); lookups scan linearly while the object is small
/// and use a hash index once it grows, so building a response (append-only) stays cheap.
public struct JSONObject: Sendable, Hashable, Sequence {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
    }

    public private(set) var entries: [Entry]
    private var index: [String: Int]?

    public init() { entries = [] }

    public init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    public init(_ pairs: [(String, JSONValue)]) {
        self.init(minimumCapacity: pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }
    public var values: [JSONValue] { entries.map(\.value) }

    @inline(__always)
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        for i in entries.indices where entries[i].key == key { return i }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return entries[i].value
        }
        set {
            if let i = position(of: key) {
                if let newValue {
                    entries[i].value = newValue
                } else {
                    entries.remove(at: i)
                    if index != nil { rebuildIndex() }
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// Appends a key known not to be present yet.
    @inline(__always)
    public mutating func append(_ key: String, _ value: JSONValue) {
        entries.append(Entry(key: key, value: value))
        if index != nil {
            index![key] = entries.count - 1
        } else if entries.count > 16 {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        var idx = [String: Int](minimumCapacity: entries.count)
        for (i, e) in entries.enumerated() { idx[e.key] = i }
        index = idx
    }

    public func makeIterator() -> AnyIterator<(String, JSONValue)> {
        var it = entries.makeIterator()
        return AnyIterator { it.next().map { ($0.key, $0.value) } }
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.entries == b.entries }

    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}
