import Stores
import Testing
@testable import Sync

/// Which rows of a transaction join their gifticon's own statement.
@Suite struct GifticonFoldsTests {
    func row(_ table: String, _ operation: RowChange.Operation, _ columns: [(String, String)]) -> RowChange {
        RowChange(schema: "public", table: table, operation: operation, before: nil,
                  after: columns.map { RowChange.Column(name: $0.0, typeOID: 20, value: $0.1) })
    }

    @Test func aRegistrationJoinsItsPriceImagesAndTags() {
        let transaction = CommittedTransaction(xid: 1, commitLSN: LSN(16), endLSN: LSN(32), commitTimeMicros: 0, changes: [
            row("gifticons", .create, [("id", "8")]),
            row("gifticon_prices", .create, [("gifticon_id", "8")]),
            row("gifticon_images", .create, [("id", "80"), ("gifticon_id", "8")]),
            row("gifticon_tags", .create, [("gifticon_id", "8"), ("tag_id", "1")]),
            // Another gifticon's price, whose row is not in the transaction: a statement of its own.
            row("gifticon_prices", .update, [("gifticon_id", "5")]),
        ])
        let folds = GifticonFolds(transaction)
        #expect(folds.joined == [1, 2, 3])
        #expect(folds.byGifticon[8]?.images.count == 1 && folds.byGifticon[8]?.tags.count == 1)
        #expect(folds.byGifticon[8]?.price?.position == transaction.position(ofChangeAt: 1))
        #expect(folds.byGifticon[5] == nil)
    }

    @Test func anUpdateJoinsOnlyItsLastPriceAndNeverAroundADelete() {
        let repriced = CommittedTransaction(xid: 1, commitLSN: LSN(16), endLSN: LSN(32), commitTimeMicros: 0, changes: [
            row("gifticon_prices", .update, [("gifticon_id", "6")]),
            row("gifticons", .update, [("id", "6")]),
            row("gifticon_prices", .update, [("gifticon_id", "6")]),
            row("gifticon_images", .create, [("id", "60"), ("gifticon_id", "6")]),
        ])
        let folds = GifticonFolds(repriced)
        #expect(folds.joined == [0, 2], "both price rows are covered; the image of an existing gifticon is not joined")
        #expect(folds.byGifticon[6]?.price?.position == repriced.position(ofChangeAt: 2))

        let deleted = CommittedTransaction(xid: 2, commitLSN: LSN(48), endLSN: LSN(64), commitTimeMicros: 0, changes: [
            row("gifticons", .update, [("id", "5")]),
            row("gifticon_prices", .delete, [("gifticon_id", "5")]),
            row("gifticon_prices", .create, [("gifticon_id", "5")]),
        ])
        #expect(GifticonFolds(deleted).joined.isEmpty)
    }
}
