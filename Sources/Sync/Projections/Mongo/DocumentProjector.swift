import JSON
import ReadModels
import Stores

/// Projects the command side's tables into MongoDB documents for the read side: `gifticons` (denormalized for the
/// detail page: seller, brand, category with its ancestors, price, images, tags), `brands`, `categories`, `users`
/// (public profile: no username), `tags` and `reviews`.
///
/// Embedded reference data comes from the read model's own collections, never from the command database: changes
/// arrive in commit order, so a brand's document exists before the first gifticon that names it. A transaction's
/// writes go out in batches (`MongoWriteBatch`) and the references a run of rows needs are read with one `$in`
/// per collection, so a snapshot of 100,000 rows costs hundreds of round trips, not hundreds of thousands.
public struct DocumentProjector: Projector {
    public let name = "mongo-documents"
    let mongo: MongoClient
    let steps: SyncSteps
    /// References read in earlier runs (see `ReferenceCache`).
    let cache = ReferenceCache()

    public init(mongo: MongoClient, steps: SyncSteps = SyncSteps()) {
        self.mongo = mongo
        self.steps = steps
    }

    public func apply(_ transaction: CommittedTransaction) async throws {
        if !transaction.changes.contains(where: { Self.referenceTables.contains($0.table) }) {
            return try await applyGroup([transaction])
        }
        let batch = MongoWriteBatch(mongo: mongo, steps: steps)
        for range in Self.runs(transaction.changes) {
            let run = transaction.changes[range]
            try await project(run, of: transaction, batch, prefetch(run, batch))
        }
        try await batch.flush()
    }

    /// Consecutive rows of one table: each run is projected with the references it needs read once.
    static func runs(_ changes: [RowChange]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < changes.count {
            var end = start + 1
            while end < changes.count, changes[end].table == changes[start].table { end += 1 }
            runs.append(start..<end)
            start = end
        }
        return runs
    }

    /// Queues the writes of one run of a transaction's rows; rows `folds` joined to their gifticon's statement are
    /// written with it.
    func project(_ run: ArraySlice<RowChange>, of transaction: CommittedTransaction, _ batch: MongoWriteBatch,
                 _ references: References, folds: GifticonFolds = .none) async throws {
        if run.first?.table == "gifticon_images" || run.first?.table == "gifticon_tags" {
            let own = run.indices.filter { !folds.joined.contains($0) }.map { run[$0] }
            return projectEmbeddedLists(own[...], batch, references)
        }
        for (index, change) in zip(run.indices, run) where !folds.joined.contains(index) {
            let position = transaction.position(ofChangeAt: index)
            switch change.table {
            case "users": projectUser(change, position, batch)
            case "brands": projectBrand(change, position, batch)
            case "categories": try await projectCategory(change, position, batch)
            case "tags": projectTag(change, position, batch)
            case "gifticons": projectGifticon(change, position, batch, references, joining: change.integer("id").int64.flatMap { folds.byGifticon[$0] })
            case "gifticon_prices": projectPrice(change, position, batch)
            case "reviews": projectReview(change, position, batch)
            default: continue
            }
        }
    }

    /// The snapshot's rows as documents built in memory, inserted in bulk (see `SnapshotDocuments`).
    public func applySnapshot(_ batches: [CommittedTransaction]) async throws {
        let documents = SnapshotDocuments()
        let batch = MongoWriteBatch(mongo: mongo, steps: steps, collectingInto: documents)
        for transaction in batches {
            for range in Self.runs(transaction.changes) {
                let run = transaction.changes[range]
                try await project(run, of: transaction, batch, prefetch(run, batch))
            }
        }
        try await batch.flush()
        try await documents.insertAll(into: mongo, steps: steps)
    }

    /// A chunk of the chunked snapshot, as a snapshot of its own: each gifticon's document is built whole in memory
    /// from its rows and inserted in bulk, or written over an existing one under its position guard. A chunk split
    /// up after a poison row (one row at a time) goes through the streamed path, which writes each row on its own.
    public func applyChunk(_ chunk: CommittedTransaction) async throws {
        if chunk.changes.count == 1 { return try await apply(chunk) }
        try await applySnapshot([chunk])
    }

    /// Removes what the snapshot did not write: documents left by an earlier, interrupted run (or written late by a
    /// killed process's last batch) carry older positions, and the snapshot rewrote every row that still exists.
    public func snapshotApplied(at lsn: LSN) async throws { try await removeOlder(than: lsn) }

    /// Every document this chunked snapshot or a later change wrote carries a position from `since` on.
    public func snapshotCompleted(since: LSN) async throws { try await removeOlder(than: since) }

    private func removeOlder(than lsn: LSN) async throws {
        let stale = GuardedWrite.olderThan(lsn.sortableText, field: DocumentKey.position)
        for collection in MongoCollections.documents {
            try await mongo.delete(collection, filter: stale)
        }
    }

    /// Documents that rows of one table embed, read once for the whole run (after the writes queued before it).
    struct References {
        var byCollection: [String: [Int64: JSONValue]] = [:]
        func document(_ collection: String, _ id: JSONValue) -> JSONValue? {
            guard let key = id.int64 else { return nil }
            return byCollection[collection]?[key]
        }
    }

    func prefetch(_ run: ArraySlice<RowChange>, _ batch: MongoWriteBatch) async throws -> References {
        var wanted: [(collection: String, column: String, projection: JSONValue)] = []
        switch run.first?.table {
        case "gifticons":
            wanted = [(MongoCollections.users, "seller_id", [UserDocument.nickname: 1, DocumentKey.position: 1]),
                      (MongoCollections.brands, "brand_id", [BrandDocument.name: 1, DocumentKey.position: 1]),
                      (MongoCollections.categories, "category_id", [CategoryDocument.name: 1, CategoryDocument.ancestorIds: 1, DocumentKey.position: 1])]
        case "gifticon_tags": wanted = [(MongoCollections.tags, "tag_id", [TagDocument.name: 1])]
        default: return References()
        }
        try await batch.flush()
        var references = References()
        for (collection, column, projection) in wanted {
            var ids = Set(run.filter { $0.operation != .delete }.compactMap { $0.integer(column).int64 })
            // A snapshot's own documents first; a chunked snapshot's earlier chunks are in MongoDB.
            var inSnapshot: [Int64: JSONValue] = [:]
            if let snapshot = batch.snapshot {
                inSnapshot = snapshot.documents(collection)
                ids.subtract(inSnapshot.keys)
            }
            guard !ids.isEmpty else {
                references.byCollection[collection] = inSnapshot
                continue
            }
            var (found, missing) = cache.lookup(collection, ids)
            missing.sort()
            var read: [Int64: JSONValue] = [:]
            for chunk in stride(from: 0, to: missing.count, by: 1_000) {
                let slice = missing[chunk..<min(chunk + 1_000, missing.count)]
                let documents = try await referenceRead(collection, filter: [DocumentKey.id: ["$in": .array(slice.map { .int(Int($0)) })]],
                                                        options: ["projection": projection])
                for document in documents {
                    if let id = document[DocumentKey.id]?.int64 { read[id] = document }
                }
            }
            cache.store(collection, read)
            found.merge(read) { $1 }
            references.byCollection[collection] = found.merging(inSnapshot) { $1 }
        }
        return references
    }

    /// A read of documents to embed, timed and recorded.
    func referenceRead(_ collection: String, filter: JSONValue, options: JSONValue? = nil) async throws -> [JSONValue] {
        try await steps.measure(.referenceReads, .mongoFind(collection: collection, filter: filter, options: options)) {
            try await mongo.find(collection, filter: filter, options: options)
        }
    }
}
