import Logging
import Stores

/// Turns a store failure into a `CommandError`: constraint violations by the constraint's name (the schema names
/// every constraint, see `Migration.v1Schema`), other SQLSTATEs by class. Raw server messages are logged, never
/// returned.
public enum ConstraintCatalog {
    struct Entry: Sendable {
        let code: CommandError.Code
        let field: String?
        let message: String
    }

    static let entries: [String: Entry] = [
        "users_username_key": Entry(code: .conflict, field: "username", message: "this username is taken"),
        "users_username_check": Entry(code: .invalidArgument, field: "username", message: "a username is required"),
        "users_nickname_check": Entry(code: .invalidArgument, field: "nickname", message: "a nickname is required"),
        "brands_slug_key": Entry(code: .conflict, field: "slug", message: "a brand with this slug exists"),
        "brands_name_check": Entry(code: .invalidArgument, field: "name", message: "a name is required"),
        "brands_slug_check": Entry(code: .invalidArgument, field: "slug", message: "a slug is required"),
        "categories_slug_key": Entry(code: .conflict, field: "slug", message: "a category with this slug exists"),
        "categories_parent_fkey": Entry(code: .invalidArgument, field: "parentId", message: "the parent category does not exist or is not one level up"),
        "categories_level_check": Entry(code: .invalidArgument, field: "parentId", message: "categories are at most 3 levels deep"),
        "categories_root_check": Entry(code: .invalidArgument, field: "parentId", message: "only a top-level category has no parent"),
        "categories_name_check": Entry(code: .invalidArgument, field: "name", message: "a name is required"),
        "categories_slug_check": Entry(code: .invalidArgument, field: "slug", message: "a slug is required"),
        "tags_name_key": Entry(code: .conflict, field: "name", message: "a tag with this name exists"),
        "tags_slug_key": Entry(code: .conflict, field: "slug", message: "a tag with this slug exists"),
        "tags_name_check": Entry(code: .invalidArgument, field: "name", message: "a name is required"),
        "tags_slug_check": Entry(code: .invalidArgument, field: "slug", message: "a slug is required"),
        "gifticons_seller_id_fkey": Entry(code: .notFound, field: "sellerId", message: "the seller does not exist"),
        "gifticons_buyer_id_fkey": Entry(code: .notFound, field: "buyerId", message: "the buyer does not exist"),
        "gifticons_brand_id_fkey": Entry(code: .notFound, field: "brandId", message: "the brand does not exist"),
        "gifticons_category_id_fkey": Entry(code: .notFound, field: "categoryId", message: "the category does not exist"),
        "gifticons_status_check": Entry(code: .invalidArgument, field: "status", message: "not a gifticon status"),
        "gifticons_buyer_status_check": Entry(code: .conflict, field: "status", message: "a gifticon has a buyer exactly when it is sold or used"),
        "gifticons_buyer_not_seller_check": Entry(code: .forbidden, field: "buyerId", message: "a seller cannot buy their own gifticon"),
        "gifticons_name_check": Entry(code: .invalidArgument, field: "name", message: "a name is required"),
        "gifticon_prices_pkey": Entry(code: .conflict, field: "gifticonId", message: "the gifticon already has a price"),
        "gifticon_prices_gifticon_id_fkey": Entry(code: .notFound, field: "gifticonId", message: "the gifticon does not exist"),
        "gifticon_prices_base_price_check": Entry(code: .invalidArgument, field: "price.basePrice", message: "the base price must be positive"),
        "gifticon_prices_sale_price_check": Entry(code: .invalidArgument, field: "price.salePrice", message: "the sale price must be positive"),
        "gifticon_prices_sale_not_above_base_check": Entry(code: .invalidArgument, field: "price.salePrice", message: "the sale price may not be above the base price"),
        "gifticon_prices_currency_check": Entry(code: .invalidArgument, field: "price.currency", message: "the currency must be an ISO 4217 code"),
        "gifticon_images_gifticon_id_fkey": Entry(code: .notFound, field: "gifticonId", message: "the gifticon does not exist"),
        "gifticon_images_one_primary_key": Entry(code: .invalidArgument, field: "images", message: "a gifticon has one primary image"),
        "gifticon_images_url_check": Entry(code: .invalidArgument, field: "images", message: "an image needs a url"),
        "gifticon_images_display_order_check": Entry(code: .invalidArgument, field: "images", message: "display order is not negative"),
        "gifticon_tags_pkey": Entry(code: .conflict, field: "tagIds", message: "the gifticon already has this tag"),
        "gifticon_tags_tag_id_fkey": Entry(code: .notFound, field: "tagIds", message: "a tag does not exist"),
        "gifticon_tags_gifticon_id_fkey": Entry(code: .notFound, field: "gifticonId", message: "the gifticon does not exist"),
        "gifticon_likes_pkey": Entry(code: .conflict, field: "gifticonId", message: "already liked"),
        "reviews_gifticon_id_key": Entry(code: .conflict, field: "gifticonId", message: "this gifticon has already been reviewed"),
        "reviews_reviewer_is_buyer_fkey": Entry(code: .forbidden, field: "reviewerId", message: "only the gifticon's buyer may review it"),
        "reviews_seller_fkey": Entry(code: .invalidArgument, field: "gifticonId", message: "the reviewed user is the gifticon's seller"),
        "reviews_rating_check": Entry(code: .invalidArgument, field: "rating", message: "the rating is between 1 and 5"),
        "reviews_title_check": Entry(code: .invalidArgument, field: "title", message: "the title is 1 to 200 characters"),
        "reviews_content_check": Entry(code: .invalidArgument, field: "content", message: "the content is required"),
        "idempotency_keys_pkey": Entry(code: .conflict, field: "idempotencyKey", message: "this idempotency key is in use"),
    ]

    static let logger = Logger(label: "gifticon.commands")

    /// The `CommandError` for any error a command's transaction threw.
    public static func commandError(for error: any Error) -> CommandError {
        if let error = error as? CommandError { return error }
        guard let error = error as? StoreError else {
            logger.error("command failed: \(error)")
            return CommandError(.internal, "the command failed unexpectedly")
        }
        switch error.kind {
        case .unavailable:
            return CommandError(.unavailable, "the database is unavailable; retry with the same idempotency key")
        case .timeout:
            return CommandError(.unavailable, "the database is busy (no free connection in time); retry with the same idempotency key")
        case .badReply, .rejected:
            break
        }
        if let name = error.constraint, let entry = entries[name] {
            return CommandError(entry.code, entry.message, field: entry.field)
        }
        let state = error.code ?? ""
        switch state {
        case "23505": return CommandError(.conflict, "this already exists")
        case "23503": return CommandError(.notFound, "a referenced entity does not exist")
        case "23502": return CommandError(.invalidArgument, "a required value is missing", field: column(in: error.message))
        case "23514", "23P01": return CommandError(.invalidArgument, "a value breaks a rule of the marketplace")
        case "22001": return CommandError(.invalidArgument, "a value is too long")
        case "40001", "40P01": return CommandError(.conflict, "a concurrent change got in the way; retry")
        case "57014": return CommandError(.unavailable, "the statement timed out")
        default:
            if state.hasPrefix("22") { return CommandError(.invalidArgument, "a value is malformed or out of range") }
            if state.hasPrefix("08") || state.hasPrefix("57P") {
                return CommandError(.unavailable, "the database connection was lost; retry with the same idempotency key")
            }
            logger.error("command failed: \(error)")
            return CommandError(.internal, "the command failed unexpectedly")
        }
    }

    /// The column of a not-null violation's message: `null value in column "x" of relation ...`.
    static func column(in message: String) -> String? {
        guard let start = message.range(of: "column \"") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
