import Stores

/// Creates a tag. Name and slug are unique (CONFLICT on `name` or `slug`).
public struct CreateTag: Command {
    public var name: String
    public var slug: String

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }

    public func validate() throws {
        try Validate.text(name, field: "name")
        try Validate.slug(slug)
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let row = try db.query("INSERT INTO tags (name, slug) VALUES ($1, $2) RETURNING id, version", [name, slug])
        return .entity("tags", id: try row.int64("id"), version: try row.int64("version"))
    }
}
