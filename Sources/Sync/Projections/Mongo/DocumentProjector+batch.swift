import Stores

/// A run of transactions in one MongoDB batch: the references are read once for the run and every write goes out
/// in one flush. Only transactions that change no reference data (users, brands, categories, tags) are grouped:
/// their references were written by earlier, flushed transactions, so one read up front sees them all; a
/// transaction that changes reference data is applied on its own, as before.
extension DocumentProjector {
    static let referenceTables: Set<String> = ["users", "brands", "categories", "tags"]

    public func apply(batch transactions: [CommittedTransaction]) async throws {
        var group: [CommittedTransaction] = []
        for transaction in transactions {
            if transaction.changes.contains(where: { Self.referenceTables.contains($0.table) }) {
                try await applyGroup(group)
                group.removeAll()
                try await apply(transaction)
            } else {
                group.append(transaction)
            }
        }
        try await applyGroup(group)
    }

    /// Transactions without reference data: their references read once up front, their gifticons' rows joined.
    func applyGroup(_ group: [CommittedTransaction]) async throws {
        guard !group.isEmpty else { return }
        let batch = MongoWriteBatch(mongo: mongo, steps: steps)
        let all = group.flatMap(\.changes)
        var references = try await prefetch(all.filter { $0.table == "gifticons" }[...], batch)
        let tagReferences = try await prefetch(all.filter { $0.table == "gifticon_tags" }[...], batch)
        references.byCollection.merge(tagReferences.byCollection) { $1 }
        for transaction in group {
            let folds = GifticonFolds(transaction)
            for range in Self.runs(transaction.changes) {
                try await project(transaction.changes[range], of: transaction, batch, references, folds: folds)
            }
        }
        try await batch.flush()
    }
}
