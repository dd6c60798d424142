import JSON
import ReadModels
import Stores

/// Keeps the search indexes equal to the MongoDB documents of the gifticons and reviews a transaction touched.
///
/// It runs after the document projector (see `SequentialProjectors`) and indexes what MongoDB now holds, so tags,
/// price and category ancestors come from the read model, never from the command database. Each write carries the
/// transaction's WAL position as an external version: a replayed or older change is refused by the index (409)
/// and ignored here, so writes are idempotent and order-safe.
public struct SearchProjector: Projector {
    public let name = "search-index"
    let mongo: MongoClient
    let search: SearchClient
    /// Refresh after each write (tests and the commit-to-searchable measurement); production leaves it to the index.
    let refresh: Bool
    public let indexes: SearchIndexes
    let steps: SyncSteps
    private let knownCategoryNames = CategoryNames()

    public init(mongo: MongoClient, search: SearchClient, indexes: SearchIndexes = .standard, refresh: Bool = false,
                steps: SyncSteps = SyncSteps()) {
        self.steps = steps
        self.mongo = mongo
        self.search = search
        self.indexes = indexes
        self.refresh = refresh
    }

    public func apply(_ transaction: CommittedTransaction) async throws { try await apply(batch: [transaction]) }

    /// Every gifticon and review the run touched, read once from MongoDB (which has the whole run by now) and
    /// indexed at the run's last position: the documents reflect at least that much.
    public func apply(batch transactions: [CommittedTransaction]) async throws {
        guard let last = transactions.last else { return }
        let changes = transactions.flatMap(\.changes)
        // A whole snapshot's batches (the relay's, through Kafka) are indexed once, in `snapshotApplied`: reading
        // each batch's documents back would cost a query per batch, and some MongoDB-compatible servers answer
        // large `$in` reads slowly.
        if !changes.isEmpty, changes.allSatisfy({ $0.operation == .read }) { return }
        try await index(changes, at: last.endLSN)
    }

    /// A chunk of the embedded sync's snapshot is indexed as it lands, so search never waits for the whole snapshot.
    /// A chunk's ids are one range of keys: read back by that range, not a long `$in` (an `$in` of 2,000 ids took
    /// the stand-in MongoDB seconds; the range, milliseconds).
    public func applyChunk(_ chunk: CommittedTransaction) async throws { try await index(chunk.changes, at: chunk.endLSN, byRange: true) }

    /// Indexes the gifticons and reviews the changes touched, as MongoDB holds them now, at version `position`.
    private func index(_ changes: [RowChange], at position: LSN, byRange: Bool = false) async throws {
        if changes.contains(where: { $0.table == "categories" }) { knownCategoryNames.forget() }
        var gifticonIDs: [Int64] = []
        var reviewIDs: [Int64] = []
        var renamedTags: [Int64] = []
        var renamedBrands: [Int64] = []
        var renamedCategories: [Int64] = []
        for change in changes {
            switch change.table {
            case "gifticons": change.integer("id").int64.map { gifticonIDs.append($0) }
            case "gifticon_prices", "gifticon_images", "gifticon_tags": change.integer("gifticon_id").int64.map { gifticonIDs.append($0) }
            case "tags" where change.operation != .delete: change.integer("id").int64.map { renamedTags.append($0) }
            // A brand's or category's name is searchable text of every gifticon under it.
            case "brands" where change.operation == .update: change.integer("id").int64.map { renamedBrands.append($0) }
            case "categories" where change.operation == .update: change.integer("id").int64.map { renamedCategories.append($0) }
            case "reviews": change.integer("id").int64.map { reviewIDs.append($0) }
            default: continue
            }
        }
        if !renamedTags.isEmpty {
            let carrying = try await readBack(MongoCollections.gifticons, filter: ["\(GifticonDocument.tags).\(GifticonDocument.Embedded.id)": ["$in": .array(renamedTags.map { .int(Int($0)) })]],
                                              options: ["projection": [DocumentKey.id: 1]])
            gifticonIDs.append(contentsOf: carrying.compactMap { $0[DocumentKey.id]?.int64 })
        }
        for (renamed, paths) in [(renamedBrands, [GifticonDocument.brandId]),
                                 (renamedCategories, [GifticonDocument.categoryId, "\(GifticonDocument.category).\(GifticonDocument.Embedded.ancestorIds)"])]
        where !renamed.isEmpty {
            let ids: JSONValue = ["$in": .array(renamed.map { .int(Int($0)) })]
            let under = try await readBack(MongoCollections.gifticons, filter: ["$or": .array(paths.map { [$0: ids] })],
                                           options: ["projection": [DocumentKey.id: 1]])
            gifticonIDs.append(contentsOf: under.compactMap { $0[DocumentKey.id]?.int64 })
        }
        let categoryNames = gifticonIDs.isEmpty ? [:] : try await self.categoryNames()
        let version = Int64(clamping: position.value)
        var lines: [JSONValue] = []
        try await appendActions(&lines, index: indexes.gifticons, collection: MongoCollections.gifticons, ids: gifticonIDs,
                                version: version, byRange: byRange, document: { Self.gifticonEntry($0, categoryNames: categoryNames) })
        try await appendActions(&lines, index: indexes.reviews, collection: MongoCollections.reviews, ids: reviewIDs,
                                version: version, byRange: byRange, document: Self.reviewEntry)
        guard !lines.isEmpty else { return }
        // 409: the index already holds this or a later version. 404: deleting what was never indexed.
        try await bulk(lines, tolerate: [409, 404])
    }

    /// A read of what to index, timed and recorded.
    private func readBack(_ collection: String, filter: JSONValue, options: JSONValue? = nil) async throws -> [JSONValue] {
        try await steps.measure(.searchReadBack, .mongoFind(collection: collection, filter: filter, options: options)) {
            try await mongo.find(collection, filter: filter, options: options)
        }
    }

    /// A `_bulk` request, timed and recorded.
    private func bulk(_ lines: [JSONValue], tolerate: Set<Int>) async throws {
        _ = try await steps.measure(.searchBulk, .searchBulk(lines: lines, refresh: refresh, tolerate: tolerate)) {
            try await search.bulk(lines, refresh: refresh, tolerate: tolerate)
        }
    }

    /// Indexes every gifticon and review document once the snapshot is in MongoDB, at the snapshot's position, and
    /// removes the entries whose document is gone. A snapshot taken over existing read models (the relay's, after
    /// it started over from a new slot) sees a deleted row only as its absence: the document projector removed the
    /// document, and its entry must go too.
    public func snapshotApplied(at lsn: LSN) async throws {
        knownCategoryNames.forget()
        let version = Int64(clamping: lsn.value)
        let categoryNames = try await self.categoryNames()
        let gifticonEntry: (JSONValue) -> JSONValue = { Self.gifticonEntry($0, categoryNames: categoryNames) }
        for (index, collection, entry) in [(indexes.gifticons, MongoCollections.gifticons, gifticonEntry),
                                         (indexes.reviews, MongoCollections.reviews, Self.reviewEntry)] {
            let documents = try await readBack(collection, filter: [:])
            for start in stride(from: 0, to: documents.count, by: 1_000) {
                var lines: [JSONValue] = []
                for source in documents[start..<min(start + 1_000, documents.count)] {
                    guard let id = source[DocumentKey.id]?.int64 else { continue }
                    lines.append(Self.action("index", index, id, version))
                    lines.append(entry(source))
                }
                try await bulk(lines, tolerate: [409])
            }
            try await removeEntries(in: index, without: Set(documents.compactMap { $0[DocumentKey.id]?.int64 }), version: version)
        }
    }

    /// The chunked snapshot indexed each chunk as it landed; what is left is removing entries whose document the
    /// document projector found stale (see `snapshotApplied`).
    public func snapshotCompleted(since: LSN) async throws {
        for (index, collection) in [(indexes.gifticons, MongoCollections.gifticons), (indexes.reviews, MongoCollections.reviews)] {
            let present = try await readBack(collection, filter: [:], options: ["projection": [DocumentKey.id: 1]])
            try await removeEntries(in: index, without: Set(present.compactMap { $0[DocumentKey.id]?.int64 }), version: Int64(clamping: since.value))
        }
    }

    /// Deletes, at `version`, every entry of `index` whose id is not in `present` (an entry written later keeps).
    private func removeEntries(in index: String, without present: Set<Int64>, version: Int64) async throws {
        var after: JSONValue?
        var stale: [Int64] = []
        while true {
            var query: [(String, JSONValue)] = [("query", ["match_all": [:]]), ("_source", [.string(GifticonSearchEntry.id)]),
                                                ("size", 1_000), ("sort", [[GifticonSearchEntry.id: "asc"]])]
            if let after { query.append(("search_after", .array([after]))) }
            let hits = try await search.search(index, query: .object(JSONObject(query)))["hits"]?["hits"]?.arrayValue ?? []
            for hit in hits {
                if let id = hit["_source"]?[GifticonSearchEntry.id]?.int64, !present.contains(id) { stale.append(id) }
            }
            guard hits.count == 1_000, let last = hits.last?["_source"]?[GifticonSearchEntry.id] else { break }
            after = last
        }
        for start in stride(from: 0, to: stale.count, by: 1_000) {
            try await bulk(stale[start..<min(start + 1_000, stale.count)].map { Self.action("delete", index, $0, version) }, tolerate: [404, 409])
        }
    }

    /// An index action per id found in MongoDB, a delete per id that is gone.
    private func appendActions(
        _ lines: inout [JSONValue], index: String, collection: String, ids: [Int64], version: Int64, byRange: Bool,
        document: (JSONValue) -> JSONValue
    ) async throws {
        let unique = Array(Set(ids)).sorted()
        guard let first = unique.first, let last = unique.last else { return }
        let filter: JSONValue = byRange ? [DocumentKey.id: ["$gte": .int(Int(first)), "$lte": .int(Int(last))]]
                                        : [DocumentKey.id: ["$in": .array(unique.map { .int(Int($0)) })]]
        let wanted = Set(unique)
        let found = try await readBack(collection, filter: filter)
        var present: Set<Int64> = []
        for source in found {
            guard let id = source[DocumentKey.id]?.int64, wanted.contains(id) else { continue }
            present.insert(id)
            lines.append(Self.action("index", index, id, version))
            lines.append(document(source))
        }
        for id in unique where !present.contains(id) {
            lines.append(Self.action("delete", index, id, version))
        }
    }

    /// A bulk action line carrying the WAL position as an external version.
    static func action(_ kind: String, _ index: String, _ id: Int64, _ version: Int64) -> JSONValue {
        let target: JSONValue = ["_index": .string(index), "_id": .string(String(id)), "version": .int(Int(version)), "version_type": "external"]
        return .object(JSONObject([(kind, target)]))
    }

    /// Every category's name by id (the tree is small: a gifticon's searchable text names its whole category path).
    func categoryNames() async throws -> [Int: String] {
        if let known = knownCategoryNames.current { return known }
        let categories = try await readBack(MongoCollections.categories, filter: [:], options: ["projection": [DocumentKey.id: 1, CategoryDocument.name: 1]])
        var names: [Int: String] = [:]
        for category in categories {
            if let id = category[DocumentKey.id]?.intValue, let name = category[CategoryDocument.name]?.stringValue { names[id] = name }
        }
        knownCategoryNames.remember(names)
        return names
    }

    /// The indexed fields of a gifticon document: filters, sort keys and the search tokens of its text.
    static func gifticonEntry(_ source: JSONValue, categoryNames: [Int: String]) -> JSONValue {
        typealias Document = GifticonDocument
        typealias Entry = GifticonSearchEntry
        let categoryID = source[Document.categoryId] ?? .null
        let ancestors = source[Document.category]?[Document.Embedded.ancestorIds]?.arrayValue ?? []
        let path = ancestors + (categoryID == .null ? [] : [categoryID])
        let tagNames = (source[Document.tags]?.arrayValue ?? []).compactMap { $0[Document.Embedded.name]?.stringValue }
        let salePrice = source[Document.price]?[Document.Price.salePrice]?.stringValue
        let nameWords = SearchTokens.words(source[Document.name]?.stringValue ?? "")
        var labels = [source[Document.brand]?[Document.Embedded.name]?.stringValue ?? ""]
        labels += path.compactMap { $0.intValue.flatMap { categoryNames[$0] } }
        let labelWords = labels.flatMap(SearchTokens.words)
        let tagWords = tagNames.flatMap(SearchTokens.words)
        let textWords = nameWords + SearchTokens.words(source[Document.description]?.stringValue ?? "") + labelWords + tagWords
        func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
        return [
            Entry.id: source[DocumentKey.id] ?? .null,
            Entry.name: source[Document.name] ?? .null,
            Entry.description: source[Document.description] ?? .null,
            Entry.substrings: strings(SearchTokens.substrings(of: textWords)),
            Entry.nameWords: strings(SearchTokens.distinct(nameWords)),
            Entry.namePrefixes: strings(SearchTokens.prefixes(of: nameWords)),
            Entry.nameSubstrings: strings(SearchTokens.substrings(of: nameWords)),
            Entry.labelWords: strings(SearchTokens.distinct(labelWords)),
            Entry.tagWords: strings(SearchTokens.distinct(tagWords)),
            Entry.status: source[Document.status] ?? .null,
            Entry.brandId: source[Document.brandId] ?? .null,
            Entry.categoryIds: .array(path),
            Entry.categoryId: categoryID,
            Entry.sellerId: source[Document.sellerId] ?? .null,
            Entry.buyerId: source[Document.buyerId] ?? .null,
            Entry.tags: strings(tagNames),
            Entry.salePriceCents: salePrice.flatMap { DocumentProjector.cents($0) }.map { .int(Int($0)) } ?? .null,
            Entry.createdAt: source[Document.createdAt] ?? .null,
            Entry.dueDate: source[Document.dueDate] ?? .null,
        ]
    }

    /// The indexed fields of a review document.
    static func reviewEntry(_ source: JSONValue) -> JSONValue {
        typealias Document = ReviewDocument
        typealias Entry = ReviewSearchEntry
        let titleWords = SearchTokens.words(source[Document.title]?.stringValue ?? "")
        let textWords = titleWords + SearchTokens.words(source[Document.content]?.stringValue ?? "")
        func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
        return [
            Entry.id: source[DocumentKey.id] ?? .null,
            Entry.title: source[Document.title] ?? .null,
            Entry.content: source[Document.content] ?? .null,
            Entry.substrings: strings(SearchTokens.substrings(of: textWords)),
            Entry.titleWords: strings(SearchTokens.distinct(titleWords)),
            Entry.titlePrefixes: strings(SearchTokens.prefixes(of: titleWords)),
            Entry.titleSubstrings: strings(SearchTokens.substrings(of: titleWords)),
            Entry.rating: source[Document.rating] ?? .null,
            Entry.gifticonId: source[Document.gifticonId] ?? .null,
            Entry.reviewerId: source[Document.reviewerId] ?? .null,
            Entry.sellerId: source[Document.sellerId] ?? .null,
            Entry.createdAt: source[Document.createdAt] ?? .null,
        ]
    }
}
