/// The fields of a gifticon's entry in the search index (built from its document by the sync; the gateway's
/// searches filter, sort and aggregate on them). The hit's `_id` is the gifticon's id.
public enum GifticonSearchEntry {
    /// The gifticon's id as a number: the last sort key, so that every order is total and pages can be keyed.
    public static let id = "id"
    /// Full text (the stock analyzer; Korean search goes through the token fields below).
    public static let name = "name", description = "description"
    /// `SearchTokens.substrings` of the name, description, brand, category path and tags: a query word must be one.
    public static let substrings = "substrings"
    /// Ranking: the name's whole words, their prefixes and substrings; the brand's and category path's words; the tags' words.
    public static let nameWords = "nameWords", namePrefixes = "namePrefixes", nameSubstrings = "nameSubstrings"
    public static let labelWords = "labelWords", tagWords = "tagWords"
    public static let status = "status", brandId = "brandId", sellerId = "sellerId", buyerId = "buyerId", tags = "tags"
    /// The category and every ancestor: a category filter matches its whole subtree.
    public static let categoryIds = "categoryIds"
    /// The category itself (not its ancestors): each gifticon counted once in the category facet.
    public static let categoryId = "categoryId"
    /// The sale price in cents, an integer: exact for range filters and sorting (the decimal text lives in MongoDB).
    public static let salePriceCents = "salePriceCents"
    public static let createdAt = "createdAt", dueDate = "dueDate"
}
