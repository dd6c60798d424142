import Stores

/// Brands, categories, users and tags: their own documents, and the copies embedded in gifticon documents.
extension DocumentProjector {
    func projectUser(_ change: RowChange, _ position: String) async throws {
        let id = change.integer("id")
        if change.operation == .delete { return try await GuardedWrite.delete(mongo, "users", id: id, position: position) }
        let nickname = change.text("nickname")
        try await GuardedWrite.upsert(mongo, "users", id: id, position: position, fields: [
            ("nickname", nickname), ("profileImageUrl", change.text("profile_image_url")), ("createdAt", change.time("created_at")),
        ])
        try await fanOut([("sellerId", id)], part: "seller", position: position, fields: [("seller.id", id), ("seller.nickname", nickname)])
    }

    func projectBrand(_ change: RowChange, _ position: String) async throws {
        let id = change.integer("id")
        if change.operation == .delete { return try await GuardedWrite.delete(mongo, "brands", id: id, position: position) }
        let name = change.text("name")
        try await GuardedWrite.upsert(mongo, "brands", id: id, position: position, fields: [
            ("name", name), ("slug", change.text("slug")), ("description", change.text("description")),
            ("logoUrl", change.text("logo_url")), ("website", change.text("website")),
        ])
        try await fanOut([("brandId", id)], part: "brand", position: position, fields: [("brand.id", id), ("brand.name", name)])
    }

    func projectCategory(_ change: RowChange, _ position: String) async throws {
        let id = change.integer("id")
        if change.operation == .delete { return try await GuardedWrite.delete(mongo, "categories", id: id, position: position) }
        let parent = change.integer("parent_id")
        // A category's ancestors are its parent's ancestors and the parent: parents commit before their children.
        var ancestors: [JSONValue] = []
        if parent != .null, let parentDocument = try await mongo.find("categories", filter: ["_id": parent]).first {
            ancestors = (parentDocument["ancestorIds"]?.arrayValue ?? []) + [parent]
        }
        let name = change.text("name")
        try await GuardedWrite.upsert(mongo, "categories", id: id, position: position, fields: [
            ("name", name), ("slug", change.text("slug")), ("level", change.integer("level")), ("parentId", parent),
            ("ancestorIds", .array(ancestors)), ("description", change.text("description")), ("imageUrl", change.text("image_url")),
        ])
        try await fanOut([("categoryId", id)], part: "category", position: position, fields: [("category.id", id), ("category.name", name)])
    }

    func projectTag(_ change: RowChange, _ position: String) async throws {
        let id = change.integer("id")
        if change.operation == .delete { return try await GuardedWrite.delete(mongo, "tags", id: id, position: position) }
        let name = change.text("name")
        try await GuardedWrite.upsert(mongo, "tags", id: id, position: position, fields: [("name", name), ("slug", change.text("slug"))])
        // Rewrite the embedded copy in every gifticon carrying the tag.
        for document in try await mongo.find("gifticons", filter: ["tags.id": id], options: ["projection": ["tags": 1]]) {
            let tags = (document["tags"]?.arrayValue ?? []).map { tag -> JSONValue in
                tag["id"] == id ? ["id": id, "name": name] : tag
            }
            _ = try await mongo.update("gifticons", filter: ["_id": document["_id"] ?? .null], update: ["$set": ["tags": .array(tags)]])
        }
    }

    /// Updates the embedded copy of a reference in every gifticon that names it, unless that copy is newer.
    func fanOut(_ filter: [(String, JSONValue)], part: String, position: String, fields: [(String, JSONValue)]) async throws {
        let guardField = "_\(part)Lsn"
        var conditions = filter
        conditions.append(("$or", [[guardField: ["$lt": .string(position)]], [guardField: ["$exists": false]]]))
        _ = try await mongo.update("gifticons", filter: .object(conditions),
                                   update: ["$set": .object(fields + [(guardField, .string(position))])], many: true)
    }
}
