/// A gifticon's price: the base (face) price, the sale price asked, and the ISO 4217 currency.
public struct Price: Sendable, Hashable, Codable {
    public var basePrice: Amount
    public var salePrice: Amount
    public var currency: String

    public init(basePrice: Amount, salePrice: Amount, currency: String = "KRW") {
        self.basePrice = basePrice
        self.salePrice = salePrice
        self.currency = currency
    }

    /// Positive amounts, sale not above base, a three-letter currency code.
    func validate(field: String = "price") throws {
        guard basePrice.hundredths > 0, basePrice <= .maximum else {
            throw CommandError.invalid("\(field).basePrice", "the base price must be positive and below 10,000,000,000")
        }
        guard salePrice.hundredths > 0 else {
            throw CommandError.invalid("\(field).salePrice", "the sale price must be positive")
        }
        guard salePrice <= basePrice else {
            throw CommandError.invalid("\(field).salePrice", "the sale price may not be above the base price")
        }
        guard currency.count == 3, currency.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw CommandError.invalid("\(field).currency", "the currency must be an ISO 4217 code such as KRW")
        }
    }
}
