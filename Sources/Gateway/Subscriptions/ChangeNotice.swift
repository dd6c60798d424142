import Stores

/// One entry of the sync's change stream (`<prefix>sync:changes`, written by the sync's `ChangeNotices`): the WAL
/// position of an applied run, its last commit's time, and the keys it touched (`gifticon:<id>`, `user:<id>`,
/// `seller:<id>`, `brand:<id>`, `category:<id>`, `tag:<id>`).
struct ChangeNotice: Sendable, Equatable {
    let position: LSN
    /// Milliseconds since 1970 of the run's last commit (0 when unknown): where the delivery latency starts.
    let commitMillis: Int64
    let keys: [String]
    /// When this gateway read it (ms since 1970, 0 unknown): where the fan-out's own latency starts.
    var noticedMillis: Int64 = 0
    /// Not an entry but a stand-in for changes that can no longer be listed (a resume from past the stream's
    /// retention): a source answers with the current state of what it follows, flagged.
    var isResync = false

    /// The stream id an entry at `position` has (`<LSN as a number>-0`).
    static func streamID(_ position: LSN) -> String { "\(position.value)-0" }

    /// The position a stream id stands for.
    static func position(streamID: String) -> LSN? {
        guard let number = streamID.split(separator: "-").first.flatMap({ UInt64($0) }) else { return nil }
        return LSN(number)
    }

    /// An entry as XRANGE and XREAD give it: `[id, [field, value, ...]]`; nil for one that is not the sync's.
    init?(entry: RedisValue) {
        guard let parts = entry.array, parts.count == 2, let id = parts[0].string, let position = Self.position(streamID: id),
              let flat = parts[1].array else { return nil }
        var fields: [String: String] = [:]
        var i = 0
        while i + 1 < flat.count {
            if let name = flat[i].string, let value = flat[i + 1].string { fields[name] = value }
            i += 2
        }
        self.position = position
        commitMillis = fields["commitMillis"].flatMap { Int64($0) } ?? 0
        keys = (fields["keys"] ?? "").split(separator: " ").map(String.init)
    }

    init(position: LSN, commitMillis: Int64, keys: [String], isResync: Bool = false) {
        self.position = position
        self.commitMillis = commitMillis
        self.keys = keys
        self.isResync = isResync
    }

    /// The ids of the touched keys of one kind (`gifticon`, `seller`, ...).
    func ids(_ kind: String) -> [Int64] {
        let prefix = kind + ":"
        return keys.compactMap { $0.hasPrefix(prefix) ? Int64($0.dropFirst(prefix.count)) : nil }
    }
}
