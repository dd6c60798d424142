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
        let filter: JSONValue = .object([("_id", id)] + (GuardedWrite.olderThan(position, field: "_priceLsn").objectValue ?? []))
        if change.operation == .delete {
            batch.update("gifticons", filter: filter,
                         update: ["$set": ["price": .null, "_priceLsn": .string(position)]])
            return
        }
        let base = change.current.first { $0.name == "base_price" }?.value ?? "0"
        let sale = change.current.first { $0.name == "sale_price" }?.value ?? "0"
        let price: JSONValue = [
            "basePrice": .string(base), "salePrice": .string(sale), "currency": change.text("currency"),
            "discountPercentage": .int(Self.discountPercentage(base: base, sale: sale)),
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

    func projectImage(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let gifticonID = change.integer("gifticon_id"), imageID = change.integer("id")
        // Replace this image's entry (pull then push keeps a replay idempotent); readers sort by displayOrder.
        batch.update("gifticons", filter: ["_id": gifticonID], update: ["$pull": ["images": ["id": imageID]]])
        guard change.operation != .delete else { return }
        let image: JSONValue = [
            "id": imageID, "url": change.text("url"), "altText": change.text("alt_text"),
            "displayOrder": change.integer("display_order"), "isPrimary": change.boolean("is_primary"),
        ]
        batch.update("gifticons", filter: ["_id": gifticonID], update: ["$push": ["images": image]])
    }

    func projectGifticonTag(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch, _ references: References) {
        let gifticonID = change.integer("gifticon_id"), tagID = change.integer("tag_id")
        batch.update("gifticons", filter: ["_id": gifticonID], update: ["$pull": ["tags": ["id": tagID]]])
        guard change.operation != .delete else { return }
        let tag = references.document("tags", tagID)
        batch.update("gifticons", filter: ["_id": gifticonID],
                     update: ["$push": ["tags": ["id": tagID, "name": tag?["name"] ?? .null]]])
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
