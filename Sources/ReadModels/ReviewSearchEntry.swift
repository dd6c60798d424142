/// The fields of a review's entry in the search index. The hit's `_id` is the review's id.
public enum ReviewSearchEntry {
    /// The review's id as a number: the last sort key.
    public static let id = "id"
    /// Full text (the stock analyzer; keyword search goes through the token fields below).
    public static let title = "title", content = "content"
    /// `SearchTokens.substrings` of the title and content; the title's whole words, prefixes and substrings.
    public static let substrings = "substrings"
    public static let titleWords = "titleWords", titlePrefixes = "titlePrefixes", titleSubstrings = "titleSubstrings"
    public static let rating = "rating", gifticonId = "gifticonId", reviewerId = "reviewerId", sellerId = "sellerId"
    public static let createdAt = "createdAt"
}
