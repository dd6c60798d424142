/// A document of `gifticons`: a listing denormalized for its detail page. Field names are the schema's `Gifticon`
/// field names wherever the API shows the member as it is, so the engine's default resolver reads them.
public enum GifticonDocument {
    public static let name = "name", slug = "slug", description = "description", status = "status"
    public static let dueDate = "dueDate", createdAt = "createdAt", updatedAt = "updatedAt", version = "version"
    public static let sellerId = "sellerId", buyerId = "buyerId", brandId = "brandId", categoryId = "categoryId"
    /// Copies of the seller (`id`, `nickname`), brand (`id`, `name`) and category (`id`, `name`, `ancestorIds`).
    public static let seller = "seller", brand = "brand", category = "category"
    /// `{ basePrice, salePrice, currency, discountPercentage }`, the amounts as decimal text.
    public static let price = "price"
    /// Image entries (`ImageEntry`), in no particular order: readers sort by `displayOrder`.
    public static let images = "images"
    /// Tag entries: `{ id, name }`.
    public static let tags = "tags"

    /// The members of `price`.
    public enum Price {
        public static let basePrice = "basePrice", salePrice = "salePrice", currency = "currency"
        public static let discountPercentage = "discountPercentage"
    }

    /// The members of an entry of `images`.
    public enum ImageEntry {
        public static let id = "id", url = "url", altText = "altText", displayOrder = "displayOrder", isPrimary = "isPrimary"
    }

    /// The members of the embedded copies (`seller`, `brand`, `category`, an entry of `tags`).
    public enum Embedded {
        public static let id = "id", name = "name", nickname = "nickname", ancestorIds = "ancestorIds"
    }
}
