import Stores

/// The rows of one transaction that can join their gifticon's own statement, so a listing registered or repriced
/// is one MongoDB write instead of up to six (row, price, the images' and the tags' `$pull` and `$push`).
///
/// A gifticon whose row the transaction writes once (created or updated) takes the transaction's price rows; one it
/// creates also takes its image and tag rows, as whole lists (a gifticon created by this transaction has no others).
/// The joined statement is guarded by the row's position alone: it is one statement, so it lands whole or not at all,
/// and a document whose row already reflects this transaction reflects its price, images and tags too.
struct GifticonFolds {
    struct Parts {
        var created = false
        /// The transaction's last price row for the gifticon, and its position.
        var price: (change: RowChange, position: String)?
        var images: [RowChange] = []
        var tags: [RowChange] = []
    }

    private(set) var byGifticon: [Int64: Parts] = [:]
    /// Indices of changes joined to their gifticon's statement: their own runs skip them.
    private(set) var joined: Set<Int> = []

    static let none = GifticonFolds()

    private init() {}

    init(_ transaction: CommittedTransaction) {
        let changes = transaction.changes
        var rows: [Int64: [RowChange.Operation]] = [:]
        for change in changes where change.table == "gifticons" {
            if let id = change.integer("id").int64 { rows[id, default: []].append(change.operation) }
        }
        for (id, operations) in rows where operations.count == 1 && (operations[0] == .create || operations[0] == .update) {
            byGifticon[id] = Parts(created: operations[0] == .create)
        }
        guard !byGifticon.isEmpty else { return }
        // Lists join only when every row of them is an insert for a created gifticon; prices only when none is
        // deleted (a delete must stay a statement after the price it removes).
        var listsJoin: [Int64: Bool] = [:]
        var priceJoins: [Int64: Bool] = [:]
        for change in changes {
            guard let id = change.integer("gifticon_id").int64, let parts = byGifticon[id] else { continue }
            switch change.table {
            case "gifticon_images", "gifticon_tags": listsJoin[id] = (listsJoin[id] ?? true) && parts.created && change.operation == .create
            case "gifticon_prices": priceJoins[id] = (priceJoins[id] ?? true) && change.operation != .delete
            default: continue
            }
        }
        for (index, change) in changes.enumerated() {
            guard let id = change.integer("gifticon_id").int64, byGifticon[id] != nil else { continue }
            switch change.table {
            case "gifticon_prices" where priceJoins[id] == true:
                // The last price row is the price; earlier ones in the transaction are skipped.
                byGifticon[id]?.price = (change, transaction.position(ofChangeAt: index))
                joined.insert(index)
            case "gifticon_images" where listsJoin[id] == true:
                byGifticon[id]?.images.append(change)
                joined.insert(index)
            case "gifticon_tags" where listsJoin[id] == true:
                byGifticon[id]?.tags.append(change)
                joined.insert(index)
            default: continue
            }
        }
    }
}
