import Stores

/// Creates a brand. The slug is unique (CONFLICT on `slug`).
public struct CreateBrand: Command {
    public var name: String
    public var slug: String
    public var description: String?
    public var logoUrl: String?
    public var website: String?

    public init(name: String, slug: String, description: String? = nil, logoUrl: String? = nil, website: String? = nil) {
        self.name = name
        self.slug = slug
        self.description = description
        self.logoUrl = logoUrl
        self.website = website
    }

    public func validate() throws {
        try Validate.text(name, field: "name")
        try Validate.slug(slug)
        try Validate.optionalText(description, field: "description", max: 10_000)
        try Validate.optionalText(logoUrl, field: "logoUrl")
        try Validate.optionalText(website, field: "website")
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let row = try db.query(
            """
            INSERT INTO brands (name, slug, description, logo_url, website) VALUES ($1, $2, $3, $4, $5)
            RETURNING id, version
            """, [name, slug, description, logoUrl, website])
        return .entity("brands", id: try row.int64("id"), version: try row.int64("version"))
    }
}
