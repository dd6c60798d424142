import Stores

/// Creates a category; its level is derived from its parent (none: 1), at most 3.
public struct CreateCategory: Command {
    public var name: String
    public var slug: String
    public var parentId: Int64?
    public var description: String?
    public var imageUrl: String?

    public init(name: String, slug: String, parentId: Int64? = nil, description: String? = nil, imageUrl: String? = nil) {
        self.name = name
        self.slug = slug
        self.parentId = parentId
        self.description = description
        self.imageUrl = imageUrl
    }

    public static let maximumLevel = 3

    public func validate() throws {
        try Validate.text(name, field: "name")
        try Validate.slug(slug)
        if let parentId { try Validate.id(parentId, field: "parentId") }
        try Validate.optionalText(description, field: "description", max: 10_000)
        try Validate.optionalText(imageUrl, field: "imageUrl")
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        var level = 1
        if let parentId {
            // FOR KEY SHARE: the parent cannot be deleted or re-levelled until we commit.
            let parent = try db.query("SELECT level FROM categories WHERE id = $1 FOR KEY SHARE", [String(parentId)])
            guard !parent.rows.isEmpty else { throw CommandError.notFound("category", parentId, field: "parentId") }
            level = Int(try parent.int64("level")) + 1
            guard level <= CreateCategory.maximumLevel else {
                throw CommandError.invalid("parentId", "categories are at most \(CreateCategory.maximumLevel) levels deep")
            }
        }
        let row = try db.query(
            """
            INSERT INTO categories (name, slug, parent_id, level, description, image_url)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, version
            """, [name, slug, parentId.map { String($0) }, String(level), description, imageUrl])
        return .entity("categories", id: try row.int64("id"), version: try row.int64("version"))
    }
}
