import JSON
import ReadModels
import Stores

/// The gifticon document: its row, and the price, images and tags rows that belong to it.
extension DocumentProjector {
    private typealias Field = GifticonDocument
    private typealias Embedded = GifticonDocument.Embedded

    func projectGifticon(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch, _ references: References,
                         joining parts: GifticonFolds.Parts? = nil) {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, MongoCollections.gifticons, id: id, position: position) }
        let sellerID = change.integer("seller_id"), brandID = change.integer("brand_id"), categoryID = change.integer("category_id")
        let sellerDocument = references.document(MongoCollections.users, sellerID)
        let brandDocument = references.document(MongoCollections.brands, brandID)
        let categoryDocument = references.document(MongoCollections.categories, categoryID)
        let rowFields: [(String, JSONValue)] = [
            (Field.name, change.text("name")), (Field.slug, change.text("slug")), (Field.description, change.text("description")),
            (Field.status, change.text("status")), (Field.dueDate, change.time("due_date")),
            (Field.createdAt, change.time("created_at")), (Field.updatedAt, change.time("updated_at")),
            (Field.version, change.integer("version")), (Field.sellerId, sellerID), (Field.buyerId, change.integer("buyer_id")),
            (Field.brandId, brandID), (Field.categoryId, categoryID),
            (Field.seller, [Embedded.id: sellerID, Embedded.nickname: sellerDocument?[UserDocument.nickname] ?? .null]),
            (Field.brand, [Embedded.id: brandID, Embedded.name: brandDocument?[BrandDocument.name] ?? .null]),
            (Field.category, [Embedded.id: categoryID, Embedded.name: categoryDocument?[CategoryDocument.name] ?? .null,
                              Embedded.ancestorIds: categoryDocument?[CategoryDocument.ancestorIds] ?? .array([])]),
            // Each copy says which version of its document it is (the fan-out's guard field): a copy read from an
            // older version (a member's cache, while another member already applied a rename) is then rewritten by
            // that rename when this stream reaches it, instead of the rename being skipped as already applied.
            (Self.copyVersionField(Field.seller), sellerDocument?[DocumentKey.position] ?? .null),
            (Self.copyVersionField(Field.brand), brandDocument?[DocumentKey.position] ?? .null),
            (Self.copyVersionField(Field.category), categoryDocument?[DocumentKey.position] ?? .null),
        ]
        GuardedWrite.upsert(batch, MongoCollections.gifticons, id: id, position: position, fields: rowFields + joinedFields(parts, references))
    }

    /// The price, images and tags that join the gifticon's own statement (see `GifticonFolds`).
    private func joinedFields(_ parts: GifticonFolds.Parts?, _ references: References) -> [(String, JSONValue)] {
        guard let parts else { return [] }
        var fields: [(String, JSONValue)] = []
        if let (change, position) = parts.price {
            fields += [(Field.price, Self.price(change)), ("_priceLsn", .string(position))]
        }
        if !parts.images.isEmpty { fields.append((Field.images, .array(Self.latestEntries(parts.images, id: { $0.integer("id") }).map(Self.imageEntry)))) }
        if !parts.tags.isEmpty {
            fields.append((Field.tags, .array(Self.latestEntries(parts.tags, id: { $0.integer("tag_id") }).map { change in
                let id = change.integer("tag_id")
                return [Embedded.id: id, Embedded.name: references.document(MongoCollections.tags, id)?[TagDocument.name] ?? .null]
            })))
        }
        return fields
    }

    /// Each entry's last row, in the order entries first appear, without the deleted ones.
    static func latestEntries(_ rows: some Collection<RowChange>, id: (RowChange) -> JSONValue) -> [RowChange] {
        var latest: [JSONValue: RowChange] = [:]
        var order: [JSONValue] = []
        for change in rows {
            let key = id(change)
            if latest[key] == nil { order.append(key) }
            latest[key] = change
        }
        return order.compactMap { latest[$0] }.filter { $0.operation != .delete }
    }

    func projectPrice(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("gifticon_id")
        let filter: JSONValue = .object(JSONObject([(DocumentKey.id, id)] + (GuardedWrite.olderThan(position, field: "_priceLsn").objectValue ?? JSONObject())))
        if change.operation == .delete {
            batch.update(MongoCollections.gifticons, filter: filter,
                         update: ["$set": [Field.price: .null, "_priceLsn": .string(position)]], coalesce: true)
            return
        }
        // The gifticon's own row commits in the same or an earlier transaction: upsert keeps a price that arrives
        // first (a rebuild's snapshot order) rather than dropping it.
        batch.update(MongoCollections.gifticons, filter: filter,
                     update: ["$set": [Field.price: Self.price(change), "_priceLsn": .string(position)]], upsert: true, duplicateIsNoOp: true,
                     coalesce: true)
    }

    /// The embedded price of a price row.
    static func price(_ change: RowChange) -> JSONValue {
        let base = change.current.first { $0.name == "base_price" }?.value ?? "0"
        let sale = change.current.first { $0.name == "sale_price" }?.value ?? "0"
        return [
            Field.Price.basePrice: .string(base), Field.Price.salePrice: .string(sale), Field.Price.currency: change.text("currency"),
            Field.Price.discountPercentage: .int(Int(Self.discountPercentage(base: base, sale: sale))),
        ]
    }

    /// Whole percent off the base price, rounded down; 0 when the sale price is not below the base.
    static func discountPercentage(base: String, sale: String) -> Int64 {
        guard let baseCents = cents(base), let saleCents = cents(sale), baseCents > 0, saleCents < baseCents else { return 0 }
        return (baseCents - saleCents) * 100 / baseCents
    }

    /// "4500.5" -> 450050: exact, no floating point.
    static func cents(_ decimal: String) -> Int64? {
        let parts = decimal.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count > 1 {
            let digits = String(parts[1].prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0)
            guard let value = Int64(digits) else { return nil }
            fraction = value
        }
        return whole * 100 + (whole < 0 ? -fraction : fraction)
    }

    /// Image and tag rows, grouped by gifticon: consecutive rows of one gifticon (a snapshot lists them together)
    /// become one `$pull` of their entries and one `$push` of the new ones, instead of two writes per row.
    func projectEmbeddedLists(_ run: ArraySlice<RowChange>, _ batch: MongoWriteBatch, _ references: References) {
        let isImages = run.first?.table == "gifticon_images"
        let list = isImages ? Field.images : Field.tags
        var index = run.startIndex
        while index < run.endIndex {
            let gifticonID = run[index].integer("gifticon_id")
            var end = index + 1
            while end < run.endIndex, run[end].integer("gifticon_id") == gifticonID { end += 1 }
            let group = run[index..<end]
            let entryID = { (change: RowChange) in isImages ? change.integer("id") : change.integer("tag_id") }
            batch.update(MongoCollections.gifticons, filter: [DocumentKey.id: gifticonID],
                         update: ["$pull": [list: [Embedded.id: ["$in": .array(group.map(entryID))]]]])
            // The last row of an entry within the group is its final state (a delete leaves it pulled).
            let entries: [JSONValue] = Self.latestEntries(group, id: entryID).map { change in
                if isImages { return Self.imageEntry(change) }
                let id = entryID(change)
                return [Embedded.id: id, Embedded.name: references.document(MongoCollections.tags, id)?[TagDocument.name] ?? .null]
            }
            if !entries.isEmpty {
                batch.update(MongoCollections.gifticons, filter: [DocumentKey.id: gifticonID],
                             update: ["$push": [list: ["$each": .array(entries)]]])
            }
            index = end
        }
    }

    static func imageEntry(_ change: RowChange) -> JSONValue {
        [
            Field.ImageEntry.id: change.integer("id"), Field.ImageEntry.url: change.text("url"),
            Field.ImageEntry.altText: change.text("alt_text"), Field.ImageEntry.displayOrder: change.integer("display_order"),
            Field.ImageEntry.isPrimary: change.boolean("is_primary"),
        ]
    }

    func projectReview(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, MongoCollections.reviews, id: id, position: position) }
        GuardedWrite.upsert(batch, MongoCollections.reviews, id: id, position: position, fields: [
            (ReviewDocument.gifticonId, change.integer("gifticon_id")), (ReviewDocument.reviewerId, change.integer("user_id")),
            (ReviewDocument.sellerId, change.integer("seller_id")), (ReviewDocument.rating, change.integer("rating")),
            (ReviewDocument.title, change.text("title")), (ReviewDocument.content, change.text("content")),
            (ReviewDocument.createdAt, change.time("created_at")), (ReviewDocument.updatedAt, change.time("updated_at")),
        ])
    }
}
