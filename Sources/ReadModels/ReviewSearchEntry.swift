/// The fields of a review's entry in the search index. The hit's `_id` is the review's id.
public enum ReviewSearchEntry {
    /// Full text.
    public static let title = "title", content = "content"
    public static let rating = "rating", gifticonId = "gifticonId", reviewerId = "reviewerId", sellerId = "sellerId"
    public static let createdAt = "createdAt"
}
