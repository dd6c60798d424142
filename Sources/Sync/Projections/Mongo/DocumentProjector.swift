import Stores

/// Projects the command side's tables into MongoDB documents for the read side: `gifticons` (denormalized for the
/// detail page: seller, brand, category with its ancestors, price, images, tags), `brands`, `categories`, `users`
/// (public profile: no username), `tags` and `reviews`.
///
/// Embedded reference data comes from the read model's own collections, never from the command database: changes
/// arrive in commit order, so a brand's document exists before the first gifticon that names it.
public struct DocumentProjector: Projector {
    public let name = "mongo-documents"
    let mongo: MongoClient

    public init(mongo: MongoClient) { self.mongo = mongo }

    public func apply(_ transaction: CommittedTransaction) async throws {
        let position = transaction.endLSN.sortableText
        for change in transaction.changes {
            switch change.table {
            case "users": try await projectUser(change, position)
            case "brands": try await projectBrand(change, position)
            case "categories": try await projectCategory(change, position)
            case "tags": try await projectTag(change, position)
            case "gifticons": try await projectGifticon(change, position)
            case "gifticon_prices": try await projectPrice(change, position)
            case "gifticon_images": try await projectImage(change, position)
            case "gifticon_tags": try await projectGifticonTag(change, position)
            case "reviews": try await projectReview(change, position)
            default: continue
            }
        }
    }
}
