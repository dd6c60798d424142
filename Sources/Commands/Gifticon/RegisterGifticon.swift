import Stores

/// Lists a gifticon for sale: ON_SALE, with its price, images (exactly one primary) and tags.
public struct RegisterGifticon: Command {
    public struct Image: Sendable, Hashable, Codable {
        public var url: String
        public var altText: String?
        /// At most one image is primary; if none is marked, the first one is.
        public var isPrimary: Bool

        public init(url: String, altText: String? = nil, isPrimary: Bool = false) {
            self.url = url
            self.altText = altText
            self.isPrimary = isPrimary
        }
    }

    public var sellerId: Int64
    public var brandId: Int64
    public var categoryId: Int64
    public var name: String
    /// Derived from the name when not given (spaces become "-", as in the original's data).
    public var slug: String?
    public var description: String
    /// yyyy-MM-dd, after today (the database's current_date).
    public var dueDate: String
    public var price: Price
    public var images: [Image]
    public var tagIds: [Int64]

    public init(
        sellerId: Int64, brandId: Int64, categoryId: Int64, name: String, slug: String? = nil, description: String,
        dueDate: String, price: Price, images: [Image], tagIds: [Int64] = []
    ) {
        self.sellerId = sellerId
        self.brandId = brandId
        self.categoryId = categoryId
        self.name = name
        self.slug = slug
        self.description = description
        self.dueDate = dueDate
        self.price = price
        self.images = images
        self.tagIds = tagIds
    }

    public static let maximumImages = 10
    public static let maximumTags = 20

    public func validate() throws {
        try Validate.id(sellerId, field: "sellerId")
        try Validate.id(brandId, field: "brandId")
        try Validate.id(categoryId, field: "categoryId")
        try Validate.text(name, field: "name")
        if let slug { try Validate.text(slug, field: "slug") }
        try Validate.text(description, field: "description", max: 10_000)
        try Validate.date(dueDate, field: "dueDate")
        try price.validate()
        guard (1...RegisterGifticon.maximumImages).contains(images.count) else {
            throw CommandError.invalid("images", "a gifticon has 1 to \(RegisterGifticon.maximumImages) images")
        }
        for (index, image) in images.enumerated() {
            try Validate.text(image.url, field: "images[\(index)].url", max: 1024)
            try Validate.optionalText(image.altText, field: "images[\(index)].altText", max: 255)
        }
        guard images.filter(\.isPrimary).count <= 1 else {
            throw CommandError.invalid("images", "only one image can be the primary one")
        }
        guard tagIds.count <= RegisterGifticon.maximumTags else {
            throw CommandError.invalid("tagIds", "at most \(RegisterGifticon.maximumTags) tags")
        }
        for id in tagIds { try Validate.id(id, field: "tagIds") }
    }

    var resolvedSlug: String {
        slug ?? name.split(whereSeparator: \.isWhitespace).joined(separator: "-").lowercased()
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let created = try db.query(
            """
            INSERT INTO gifticons (seller_id, brand_id, category_id, name, slug, description, due_date, status)
            SELECT $1, $2, $3, $4, $5, $6, $7::date, 'ON_SALE' WHERE $7::date > current_date
            RETURNING id, version
            """,
            [String(sellerId), String(brandId), String(categoryId), name, resolvedSlug, description, dueDate])
        guard !created.rows.isEmpty else { throw CommandError.invalid("dueDate", "the due date must be in the future") }
        let id = try created.int64("id")
        try db.query(
            "INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price, currency) VALUES ($1, $2, $3, $4)",
            [String(id), price.basePrice.description, price.salePrice.description, price.currency])
        let primary = images.firstIndex(where: \.isPrimary) ?? 0
        let imageRows = try db.query(
            """
            INSERT INTO gifticon_images (gifticon_id, url, alt_text, display_order, is_primary)
            SELECT $1, u, a, o, p FROM unnest($2::text[], $3::text[], $4::int[], $5::bool[]) AS t(u, a, o, p)
            ORDER BY o RETURNING id
            """,
            [
                String(id), SQLText.array(images.map(\.url)), SQLText.array(images.map(\.altText)),
                SQLText.array(images.indices.map { String($0 + 1) }),
                SQLText.array(images.indices.map { $0 == primary ? "t" : "f" }),
            ])
        var tags: [Int64] = []
        for tag in tagIds where !tags.contains(tag) { tags.append(tag) }
        if !tags.isEmpty {
            try db.query(
                "INSERT INTO gifticon_tags (gifticon_id, tag_id) SELECT $1, unnest($2::bigint[])",
                [String(id), SQLText.array(tags.map { String($0) })])
        }
        return CommandOutcome(
            id: id, version: try created.int64("version"),
            affectedIds: [
                "gifticons": [id], "gifticon_prices": [id], "gifticon_images": imageRows.int64s("id").sorted(),
                "tags": tags,
            ])
    }
}
