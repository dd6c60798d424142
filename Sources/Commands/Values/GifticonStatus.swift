/// A gifticon's life: ON_SALE, then SOLD_OUT (bought) and USED, or EXPIRED (due date passed unsold), or DELETED
/// (listing cancelled by its seller).
public enum GifticonStatus: String, Sendable, Codable, CaseIterable {
    case onSale = "ON_SALE"
    case soldOut = "SOLD_OUT"
    case used = "USED"
    case expired = "EXPIRED"
    case deleted = "DELETED"
}
