/// The fields of a seller's rating summary hash (`RedisKeys.sellerRating`): counts and sums as integers, the
/// average as decimal text with four places, and how many reviews gave each rating from 1 to 5.
public enum SellerRatingHash {
    public static let count = "count", sum = "sum", average = "average"

    /// The field counting the reviews that gave `rating` (1...5).
    public static func distribution(_ rating: Int) -> String { "d\(rating)" }

    /// The fields a reader needs, in the order `RatingSummary` reads them: count, average, then ratings 1 to 5.
    public static let summaryFields = [count, average] + (1...5).map(distribution)
}
