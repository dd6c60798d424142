import JSON
import Stores
import Synchronization

/// One event of a subscription's source stream, the root value its selection is executed with: what changed, at
/// which position. A list subscription's event carries the listing as read when the event was made.
struct LiveEvent: Sendable {
    /// The WAL position the event reflects: resolvers read the read models at it or later.
    let position: LSN
    let commitMillis: Int64
    /// When the gateway read the notice the event came from (ms since 1970, 0 unknown).
    var noticedMillis: Int64 = 0
    /// What the event is about (`gifticon:7`, `seller:3`): a subscriber's queue coalesces events by it.
    let entity: String
    /// A list subscription's change: its kind, the listing's id and document.
    var change: Change?
    /// The source could not make this event (a store failed): its response is the error.
    var failure: (any Error)?

    struct Change: Sendable {
        let kind: Kind
        let id: Int64?
        let document: JSONValue?
    }

    enum Kind: String, Sendable {
        case entered = "ENTERED", changed = "CHANGED", left = "LEFT", resync = "RESYNC"
    }

    /// The `GifticonChange` object a list subscription's field answers with.
    var gifticonChange: JSONValue {
        guard let change else { return .null }
        return .object(JSONObject([
            ("kind", .string(change.kind.rawValue)),
            ("id", change.id.map { .string(String($0)) } ?? .null),
            ("gifticon", change.document ?? .null),
            ("position", .string(position.description)),
        ]))
    }
}

/// Where a subscription source reads its notices: live from this instance's change feed, or a resume's finite
/// catch-up. `next()` is nil at the end (or when the reading task is cancelled).
protocol NoticeReader: Sendable {
    func next() async -> ChangeNotice?
}

extension NoticeInbox: NoticeReader {}

/// The notices a resumed subscriber missed, replayed once (merged: the source resolves the current state).
final class MissedNotices: NoticeReader {
    private let notice: ChangeNotice?
    private let taken = Mutex(false)

    init(_ notices: [ChangeNotice]) { notice = notices.dropFirst().reduce(notices.first) { $0?.merged(with: $1) } }

    func next() async -> ChangeNotice? {
        taken.withLock { taken in
            defer { taken = true }
            return taken ? nil : notice
        }
    }
}

/// What a subscription's source follows: exact keys (`gifticon:7`), or every key of a kind (`gifticon`).
enum NoticeInterest: Sendable, Hashable {
    case keys([String])
    case kind(String)

    /// The notice's keys this interest follows (none: the notice is not for it).
    func touched(in notice: ChangeNotice) -> [String] {
        switch self {
        case .keys(let keys) where notice.isResync: return keys
        case .keys(let keys): return notice.keys.filter(keys.contains)
        case .kind(let kind): return notice.keys.filter { $0.hasPrefix(kind + ":") }
        }
    }
}
