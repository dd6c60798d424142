/// The fields of a gifticon's entry in the search index (built from its document by the sync; the gateway's
/// searches filter, sort and aggregate on them). The hit's `_id` is the gifticon's id.
public enum GifticonSearchEntry {
    /// Full text.
    public static let name = "name", description = "description"
    public static let status = "status", brandId = "brandId", sellerId = "sellerId", tags = "tags"
    /// The category and every ancestor: a category filter matches its whole subtree.
    public static let categoryIds = "categoryIds"
    /// The sale price in cents, an integer: exact for range filters and sorting (the decimal text lives in MongoDB).
    public static let salePriceCents = "salePriceCents"
    public static let createdAt = "createdAt", dueDate = "dueDate"
}
