import JSON
import Stores

/// Brands, categories, users and tags: their own documents, and the copies embedded in gifticon documents.
extension DocumentProjector {
    func projectUser(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, "users", id: id, position: position) }
        let nickname = change.text("nickname")
        GuardedWrite.upsert(batch, "users", id: id, position: position, fields: [
            ("nickname", nickname), ("profileImageUrl", change.text("profile_image_url")), ("createdAt", change.time("created_at")),
        ])
        fanOut(batch, [("sellerId", id)], part: "seller", position: position, fields: [("seller.id", id), ("seller.nickname", nickname)])
    }

    func projectBrand(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, "brands", id: id, position: position) }
        let name = change.text("name")
        GuardedWrite.upsert(batch, "brands", id: id, position: position, fields: [
            ("name", name), ("slug", change.text("slug")), ("description", change.text("description")),
            ("logoUrl", change.text("logo_url")), ("website", change.text("website")),
        ])
        fanOut(batch, [("brandId", id)], part: "brand", position: position, fields: [("brand.id", id), ("brand.name", name)])
    }

    func projectCategory(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) async throws {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, "categories", id: id, position: position) }
        let parent = change.integer("parent_id")
        // A category's ancestors are its parent's ancestors and the parent: parents commit before their children.
        var ancestors: [JSONValue] = []
        if parent != .null {
            try await batch.flush()  // the parent may be an earlier row of this very transaction
        }
        if parent != .null, let parentDocument = try await mongo.find("categories", filter: ["_id": parent]).first {
            ancestors = (parentDocument["ancestorIds"]?.arrayValue ?? []) + [parent]
        }
        let name = change.text("name")
        GuardedWrite.upsert(batch, "categories", id: id, position: position, fields: [
            ("name", name), ("slug", change.text("slug")), ("level", change.integer("level")), ("parentId", parent),
            ("ancestorIds", .array(ancestors)), ("description", change.text("description")), ("imageUrl", change.text("image_url")),
        ])
        fanOut(batch, [("categoryId", id)], part: "category", position: position, fields: [("category.id", id), ("category.name", name)])
    }

    func projectTag(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        if change.operation == .delete { return GuardedWrite.delete(batch, "tags", id: id, position: position) }
        let name = change.text("name")
        GuardedWrite.upsert(batch, "tags", id: id, position: position, fields: [("name", name), ("slug", change.text("slug"))])
        // Rewrite the embedded copy in every gifticon carrying the tag (a tag appears once per gifticon).
        batch.update("gifticons", filter: ["tags.id": id], update: ["$set": ["tags.$.name": name]], many: true)
    }

    /// Updates the embedded copy of a reference in every gifticon that names it, unless that copy is newer.
    func fanOut(_ batch: MongoWriteBatch, _ filter: [(String, JSONValue)], part: String, position: String, fields: [(String, JSONValue)]) {
        let guardField = "_\(part)Lsn"
        var conditions = filter
        conditions += GuardedWrite.olderThan(position, field: guardField).objectValue ?? JSONObject()
        batch.update("gifticons", filter: .object(JSONObject(conditions)), update: ["$set": .object(JSONObject(fields + [(guardField, .string(position))]))], many: true)
    }
}
