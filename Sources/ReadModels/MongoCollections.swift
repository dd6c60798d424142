/// The MongoDB collections of the read models: the sync writes them, the gateway reads them.
public enum MongoCollections {
    public static let gifticons = "gifticons"
    public static let brands = "brands"
    public static let categories = "categories"
    public static let users = "users"
    public static let tags = "tags"
    public static let reviews = "reviews"
    /// Changes a projector could not apply, kept with their error (the sync's, never read by the gateway).
    public static let deadLetters = "sync_dead_letters"

    /// The collections of documents the sync projects from the command side's tables.
    public static let documents = [gifticons, brands, categories, users, tags, reviews]
    /// Every collection the sync owns (what a rebuild empties).
    public static let all = documents + [deadLetters]
}
