/// A document of `reviews`: one review of a bought gifticon, with the ids of its gifticon, reviewer and seller.
public enum ReviewDocument {
    public static let gifticonId = "gifticonId", reviewerId = "reviewerId", sellerId = "sellerId"
    public static let rating = "rating", title = "title", content = "content"
    public static let createdAt = "createdAt", updatedAt = "updatedAt"
}
