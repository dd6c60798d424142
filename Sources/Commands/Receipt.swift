import Stores

/// What a command did: the ids it touched, the main entity's new version and the consistency token.
///
/// The token is the WAL position (LSN) at which the command's commit is durable in the log; the query side lets a
/// caller read its own write by waiting until the sync has applied at least this position.
public struct Receipt: Sendable, Codable, Equatable {
    /// The command's name, e.g. "BuyGifticon".
    public var command: String
    /// The main entity's id (nil for commands over many rows, e.g. ExpireGifticons).
    public var id: Int64?
    /// The main entity's `version` after the command (1 when created).
    public var version: Int64?
    /// Every id the command touched, by table: e.g. ["gifticons": [7], "gifticon_images": [31, 32]].
    public var affectedIds: [String: [Int64]]
    /// The commit's WAL position, printed as PostgreSQL prints it ("16/B374D848").
    public var consistencyToken: LSN
    /// True when this receipt was replayed for a retried idempotency key (not part of equality).
    public var replayed: Bool = false

    public static func == (lhs: Receipt, rhs: Receipt) -> Bool {
        lhs.command == rhs.command && lhs.id == rhs.id && lhs.version == rhs.version
            && lhs.affectedIds == rhs.affectedIds && lhs.consistencyToken == rhs.consistencyToken
    }
}

/// What a command's transaction produced, before its commit gives it a consistency token.
public struct CommandOutcome: Sendable, Codable, Equatable {
    public var id: Int64?
    public var version: Int64?
    public var affectedIds: [String: [Int64]]

    public init(id: Int64?, version: Int64?, affectedIds: [String: [Int64]]) {
        self.id = id
        self.version = version
        self.affectedIds = affectedIds
    }

    /// One entity of `table`, at `version`.
    public static func entity(_ table: String, id: Int64, version: Int64) -> CommandOutcome {
        CommandOutcome(id: id, version: version, affectedIds: [table: [id]])
    }
}
