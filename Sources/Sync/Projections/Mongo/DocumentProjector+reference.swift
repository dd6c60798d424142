import JSON
import ReadModels
import Stores

/// Brands, categories, users and tags: their own documents, and the copies embedded in gifticon documents.
extension DocumentProjector {
    private typealias Embedded = GifticonDocument.Embedded

    func projectUser(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        cache.invalidate(MongoCollections.users, id)
        if change.operation == .delete { return GuardedWrite.delete(batch, MongoCollections.users, id: id, position: position) }
        let nickname = change.text("nickname")
        GuardedWrite.upsert(batch, MongoCollections.users, id: id, position: position, fields: [
            (UserDocument.nickname, nickname), (UserDocument.profileImageUrl, change.text("profile_image_url")),
            (UserDocument.createdAt, change.time("created_at")),
        ])
        fanOut(batch, change, [(GifticonDocument.sellerId, id)], part: GifticonDocument.seller, position: position,
               fields: [(Embedded.id, id), (Embedded.nickname, nickname)])
    }

    func projectBrand(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        cache.invalidate(MongoCollections.brands, id)
        if change.operation == .delete { return GuardedWrite.delete(batch, MongoCollections.brands, id: id, position: position) }
        let name = change.text("name")
        GuardedWrite.upsert(batch, MongoCollections.brands, id: id, position: position, fields: [
            (BrandDocument.name, name), (BrandDocument.slug, change.text("slug")), (BrandDocument.description, change.text("description")),
            (BrandDocument.logoUrl, change.text("logo_url")), (BrandDocument.website, change.text("website")),
        ])
        fanOut(batch, change, [(GifticonDocument.brandId, id)], part: GifticonDocument.brand, position: position,
               fields: [(Embedded.id, id), (Embedded.name, name)])
    }

    func projectCategory(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) async throws {
        let id = change.integer("id")
        cache.invalidate(MongoCollections.categories, id)
        if change.operation == .delete { return GuardedWrite.delete(batch, MongoCollections.categories, id: id, position: position) }
        let parent = change.integer("parent_id")
        // A category's ancestors are its parent's ancestors and the parent: parents commit before their children.
        var ancestors: [JSONValue] = []
        if parent != .null {
            try await batch.flush()  // the parent may be an earlier row of this very transaction
        }
        // A snapshot's own documents first; a chunked snapshot's earlier chunks are in MongoDB.
        let parentDocument: JSONValue? = if parent == .null { nil } else if let inSnapshot = batch.snapshot?.document(MongoCollections.categories, parent) {
            .object(inSnapshot)
        } else {
            try await referenceRead(MongoCollections.categories, filter: [DocumentKey.id: parent]).first
        }
        if let parentDocument {
            ancestors = (parentDocument[CategoryDocument.ancestorIds]?.arrayValue ?? []) + [parent]
        }
        let name = change.text("name")
        GuardedWrite.upsert(batch, MongoCollections.categories, id: id, position: position, fields: [
            (CategoryDocument.name, name), (CategoryDocument.slug, change.text("slug")), (CategoryDocument.level, change.integer("level")),
            (CategoryDocument.parentId, parent), (CategoryDocument.ancestorIds, .array(ancestors)),
            (CategoryDocument.description, change.text("description")), (CategoryDocument.imageUrl, change.text("image_url")),
        ])
        fanOut(batch, change, [(GifticonDocument.categoryId, id)], part: GifticonDocument.category, position: position,
               fields: [(Embedded.id, id), (Embedded.name, name)])
    }

    func projectTag(_ change: RowChange, _ position: String, _ batch: MongoWriteBatch) {
        let id = change.integer("id")
        cache.invalidate(MongoCollections.tags, id)
        if change.operation == .delete { return GuardedWrite.delete(batch, MongoCollections.tags, id: id, position: position) }
        let name = change.text("name")
        GuardedWrite.upsert(batch, MongoCollections.tags, id: id, position: position,
                            fields: [(TagDocument.name, name), (TagDocument.slug, change.text("slug"))])
        // Rewrite the embedded copy in every gifticon carrying the tag (a tag appears once per gifticon).
        guard change.operation != .read else { return }
        batch.update(MongoCollections.gifticons, filter: ["\(GifticonDocument.tags).\(Embedded.id)": id],
                     update: ["$set": ["\(GifticonDocument.tags).$.\(Embedded.name)": name]], many: true)
    }

    /// The field beside an embedded copy `part` holding the position of the version it copies.
    static func copyVersionField(_ part: String) -> String { "_\(part)Lsn" }

    /// Updates the embedded copy `part` of a reference (its members `fields`) in every gifticon that names it,
    /// unless that copy is newer. Not for a snapshot's rows: reference tables are read before the gifticons, whose
    /// snapshot rows embed the references as they are (a fan-out per user cost a rebuild 14 ms each, for nothing).
    func fanOut(_ batch: MongoWriteBatch, _ change: RowChange, _ filter: [(String, JSONValue)], part: String, position: String,
                fields: [(String, JSONValue)]) {
        guard change.operation != .read else { return }
        let guardField = Self.copyVersionField(part)
        var conditions = filter
        conditions += GuardedWrite.olderThan(position, field: guardField).objectValue ?? JSONObject()
        let members = fields.map { ("\(part).\($0.0)", $0.1) }
        batch.update(MongoCollections.gifticons, filter: .object(JSONObject(conditions)),
                     update: ["$set": .object(JSONObject(members + [(guardField, .string(position))]))], many: true)
    }
}
