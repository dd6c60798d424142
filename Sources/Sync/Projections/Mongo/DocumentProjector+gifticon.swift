import JSON
import Stores

/// The gifticon document: its row, and the price, images and tags rows that belong to it.
extension DocumentProjector {
    func projectGifticon(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch, _ references: References) {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, "gifticons", id: id, position: position) }
        let sellerID = change.integer("seller_id"), brandID = change.integer("brand_id"), categoryID = change.integer("category_id")
        let sellerDocument = references.document("users", sellerID)
        let brandDocument = references.document("brands", brandID)
        let categoryDocument = references.document("categories", categoryID)
        GuardedWrite.upsert(batch, "gifticons", id: id, position: position, fields: [
            ("name", change.text("name")), ("slug", change.text("slug")), ("description", change.text("description")),
            ("status", change.text("status")), ("dueDate", change.time("due_date")),
            ("createdAt", change.time("created_at")), ("updatedAt", change.time("updated_at")), ("version", change.integer("version")),
            ("sellerId", sellerID), ("buyerId", change.integer("buyer_id")), ("brandId", brandID), ("categoryId", categoryID),
            ("seller", ["id": sellerID, "nickname": sellerDocument?["nickname"] ?? .null]),
            ("brand", ["id": brandID, "name": brandDocument?["name"] ?? .null]),
            ("category", ["id": categoryID, "name": categoryDocument?["name"] ?? .null,
                          "ancestorIds": categoryDocument?["ancestorIds"] ?? .array([])]),
        ])
    }

    func projectPrice(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("gifticon_id")
        let filter: JSONValue = .object(JSONObject([("_id", id)] + (GuardedWrite.olderThan(position, field: "_priceLsn").objectValue ?? JSONObject())))
        if change.operation == .delete {
            batch.update("gifticons", filter: filter,
                         update: ["$set": ["price": .null, "_priceLsn": .string(position)]])
            return
        }
        let base = change.current.first { $0.name == "base_price" }?.value ?? "0"
        let sale = change.current.first { $0.name == "sale_price" }?.value ?? "0"
        let price: JSONValue = [
            "basePrice": .string(base), "salePrice": .string(sale), "currency": change.text("currency"),
            "discountPercentage": .int(Int(Self.discountPercentage(base: base, sale: sale))),
        ]
        // The gifticon's own row commits in the same or an earlier transaction: upsert keeps a price that arrives
        // first (a rebuild's snapshot order) rather than dropping it.
        batch.update("gifticons", filter: filter,
                     update: ["$set": ["price": price, "_priceLsn": .string(position)]], upsert: true, duplicateIsNoOp: true)
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
        let list = isImages ? "images" : "tags"
        var index = run.startIndex
        while index < run.endIndex {
            let gifticonID = run[index].integer("gifticon_id")
            var end = index + 1
            while end < run.endIndex, run[end].integer("gifticon_id") == gifticonID { end += 1 }
            let group = run[index..<end]
            let entryIDs = group.map { isImages ? $0.integer("id") : $0.integer("tag_id") }
            batch.update("gifticons", filter: ["_id": gifticonID], update: ["$pull": [list: ["id": ["$in": .array(entryIDs)]]]])
            // The last row of an entry within the group is its final state (a delete leaves it pulled).
            var latest: [JSONValue: RowChange] = [:]
            var order: [JSONValue] = []
            for (change, id) in zip(group, entryIDs) {
                if latest[id] == nil { order.append(id) }
                latest[id] = change
            }
            let entries: [JSONValue] = order.compactMap { id in
                guard let change = latest[id], change.operation != .delete else { return nil }
                return isImages ? Self.imageEntry(change) : ["id": id, "name": references.document("tags", id)?["name"] ?? .null]
            }
            if !entries.isEmpty {
                batch.update("gifticons", filter: ["_id": gifticonID], update: ["$push": [list: ["$each": .array(entries)]]])
            }
            index = end
        }
    }

    static func imageEntry(_ change: RowChange) -> JSONValue {
        [
            "id": change.integer("id"), "url": change.text("url"), "altText": change.text("alt_text"),
            "displayOrder": change.integer("display_order"), "isPrimary": change.boolean("is_primary"),
        ]
    }

    func projectReview(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, "reviews", id: id, position: position) }
        GuardedWrite.upsert(batch, "reviews", id: id, position: position, fields: [
            ("gifticonId", change.integer("gifticon_id")), ("reviewerId", change.integer("user_id")),
            ("sellerId", change.integer("seller_id")), ("rating", change.integer("rating")),
            ("title", change.text("title")), ("content", change.text("content")),
            ("createdAt", change.time("created_at")), ("updatedAt", change.time("updated_at")),
        ])
    }
}
