import Commands
import Stores

/// `gifticon seed`: a deterministic marketplace of the original's shape and size (61 categories in 3 levels, 100
/// brands, 2,000 users, 10,000 gifticons in every status, ~30,000 images, 671 tags, 30,000 gifticon tags, a review
/// for every sold or used gifticon, ~4,000), with Korean names, written in one transaction with multi-row INSERTs
/// through the command side's tables and constraints.
///
/// Deterministic for a given `seed` and `referenceDate`: dates are offsets from the reference date (by default
/// today, so ON_SALE gifticons are buyable and EXPIRED ones past due).
public struct Seeder: Sendable {
    public let database: PostgresClient
    public var seed: UInt64
    /// yyyy-MM-dd; nil means the database's current_date.
    public var referenceDate: String?

    public static let users = 2_000
    public static let gifticons = 10_000

    public init(database: PostgresClient, seed: UInt64 = 20_250_101, referenceDate: String? = nil) {
        self.database = database
        self.seed = seed
        self.referenceDate = referenceDate
    }

    /// Writes the dataset and returns the rows per table.
    public func run(reset: Bool = false) async throws -> [String: Int] {
        if let referenceDate { try Validate.date(referenceDate, field: "referenceDate") }
        let seed = self.seed
        let reference = referenceDate
        do {
            return try await database.withConnection { db in
                try db.transaction { db in
                    try MarketplaceTables.prepare(on: db, reset: reset)
                    let day = try reference ?? (db.query("SELECT current_date::text").rows.first?[0] ?? "2026-01-01")
                    var writer = SeedWriter(random: SeededRandom(seed: seed), day: day)
                    try writer.write(on: db)
                    try MarketplaceTables.advanceIdentities(on: db)
                    return try MarketplaceTables.counts(on: db)
                }
            }
        } catch {
            throw ConstraintCatalog.commandError(for: error)
        }
    }
}

/// Builds the seed's rows in memory and writes them.
struct SeedWriter {
    var random: SeededRandom
    let day: String

    func date(_ offset: Int) -> String { "('\(day)'::date + \(offset))" }
    func time(minutesBefore minutes: Int) -> String { "('\(day)'::timestamptz - interval '\(minutes) minutes')" }

    mutating func write(on db: PostgresConnection) throws {
        typealias V = SeedVocabulary
        let q = SQLText.literal

        // Categories, breadth-first so that parents come first; leaves are what gifticons are filed under.
        var categories = BulkInsert("categories", ["id", "parent_id", "level", "name", "slug", "description", "image_url"])
        var leaves: [(id: Int, name: String)] = []
        var names: [(name: String, slug: String)] = []
        var nextId = 1
        var level: [(node: V.Node, parent: Int?)] = V.categories.map { ($0, nil) }
        var depth = 1
        while !level.isEmpty {
            var below: [(node: V.Node, parent: Int?)] = []
            for (node, parent) in level {
                let id = nextId
                nextId += 1
                categories.add([
                    String(id), parent.map { String($0) } ?? "NULL", String(depth), q(node.name), q(node.slug),
                    q("\(node.name) 기프티콘 카테고리"), q("https://example.com/images/\(node.slug).jpg"),
                ])
                names.append((node.name, node.slug))
                if node.children.isEmpty { leaves.append((id, node.name)) }
                below += node.children.map { ($0, id) }
            }
            level = below
            depth += 1
        }
        try categories.write(on: db)

        var brands = BulkInsert("brands", ["id", "name", "slug", "description", "logo_url", "website"])
        var brandNames: [String] = []
        for (prefix, prefixSlug) in V.brandPrefixes {
            for (kind, kindSlug) in V.brandKinds {
                let name = prefix + kind
                let slug = "\(prefixSlug)-\(kindSlug)"
                brandNames.append(name)
                brands.add([
                    String(brandNames.count), q(name), q(slug), q("\(name) 브랜드입니다."),
                    q("https://example.com/logos/\(slug).png"), q("https://www.\(prefixSlug)\(kindSlug).co.kr"),
                ])
            }
        }
        try brands.write(on: db)

        var users = BulkInsert("users", ["id", "username", "nickname", "profile_image_url", "created_at"])
        for id in 1...Seeder.users {
            let (surname, surnameRoman) = random.pick(V.surnames)
            let (given, givenRoman) = random.pick(V.givenNames)
            let nickname = random.below(3) == 0 ? "\(given)\(random.below(1000))" : surname + given
            users.add([
                String(id), q("\(givenRoman)\(surnameRoman)\(id)@\(random.pick(V.mailDomains))"), q(nickname),
                q("https://example.com/profiles/\(id).png"), time(minutesBefore: 400 * 1440 + random.below(200 * 1440)),
            ])
        }
        try users.write(on: db)

        var tags = BulkInsert("tags", ["id", "name", "slug"])
        var tagCount = 0
        for (name, slug) in names {
            for variant in V.tagVariants {
                tagCount += 1
                tags.add([
                    String(tagCount), q(variant.name.isEmpty ? name : "\(name) \(variant.name)"),
                    q(variant.slug.isEmpty ? slug : "\(slug)-\(variant.slug)"),
                ])
            }
        }
        try tags.write(on: db)

        var gifticons = BulkInsert("gifticons", [
            "id", "seller_id", "buyer_id", "brand_id", "category_id", "name", "slug", "description", "due_date", "status",
            "created_at", "updated_at",
        ])
        var prices = BulkInsert("gifticon_prices", ["gifticon_id", "base_price", "sale_price", "currency"])
        var images = BulkInsert("gifticon_images", ["id", "gifticon_id", "url", "alt_text", "display_order", "is_primary"])
        var gifticonTags = BulkInsert("gifticon_tags", ["gifticon_id", "tag_id"])
        var reviews = BulkInsert("reviews", ["id", "gifticon_id", "user_id", "seller_id", "rating", "title", "content", "created_at"])
        var imageCount = 0
        for id in 1...Seeder.gifticons {
            let seller = 1 + random.below(Seeder.users)
            let brand = 1 + random.below(brandNames.count)
            let leaf = random.pick(leaves)
            let name = "\(brandNames[brand - 1]) \(leaf.name) \(random.pick(V.productKinds))"
            let roll = random.below(100)
            let status: GifticonStatus =
                roll < 40 ? .onSale : roll < 72 ? .soldOut : roll < 80 ? .used : roll < 90 ? .expired : .deleted
            var buyer: Int? = nil
            if status == .soldOut || status == .used {
                buyer = 1 + (seller + random.below(Seeder.users - 1)) % Seeder.users  // never the seller
            }
            let due: Int
            switch status {
            case .onSale: due = 1 + random.below(365)
            case .expired: due = -(1 + random.below(200))
            default: due = random.below(500) - 100
            }
            let created = 10 * 1440 + random.below(300 * 1440)
            gifticons.add([
                String(id), String(seller), buyer.map { String($0) } ?? "NULL", String(brand), String(leaf.id), q(name),
                q(name.split(separator: " ").joined(separator: "-") + "-\(id)"), q(random.pick(V.descriptions)),
                date(due), q(status.rawValue), time(minutesBefore: created),
                time(minutesBefore: status == .onSale ? created : created - random.below(10 * 1440)),
            ])
            let base = 1_000 + 100 * random.below(490)
            let sale = max(100, (base * (70 + random.below(31)) / 100) / 100 * 100)
            prices.add([String(id), "\(base).00", "\(sale).00", "'KRW'"])
            for order in 1...(1 + random.below(5)) {
                imageCount += 1
                images.add([
                    String(imageCount), String(id), q("https://example.com/images/\(id)_\(order).jpg"),
                    q("\(name) 이미지 \(order)"), String(order), order == 1 ? "true" : "false",
                ])
            }
            var chosen: Set<Int> = []
            while chosen.count < 3 { chosen.insert(1 + random.below(tagCount)) }
            for tag in chosen.sorted() { gifticonTags.add([String(id), String(tag)]) }
            if let buyer {
                reviews.add([
                    String(reviews.rows.count + 1), String(id), String(buyer), String(seller), String(1 + random.below(5)),
                    q(random.pick(V.reviewTitles)), q(random.pick(V.reviewContents)),
                    time(minutesBefore: max(0, created - 5 * 1440)),
                ])
            }
        }
        try gifticons.write(on: db)
        try prices.write(on: db)
        try images.write(on: db)
        try gifticonTags.write(on: db)
        try reviews.write(on: db)
    }
}
