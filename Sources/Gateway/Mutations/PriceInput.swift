import Commands
import GraphQLEngine
import JSON

/// The `PriceInput` of a listing: base and sale amounts (exact decimals) and the currency, KRW unless given.
enum PriceInput {
    static func read(_ value: JSONValue?) throws -> Price {
        guard let price = value?.objectValue else { throw GatewayError.badInput("price is required.", field: "price") }
        guard let base = try Arguments.amount(price["basePrice"], field: "price.basePrice"),
            let sale = try Arguments.amount(price["salePrice"], field: "price.salePrice")
        else { throw GatewayError.badInput("price needs basePrice and salePrice.", field: "price") }
        return Price(basePrice: base, salePrice: sale, currency: price["currency"]?.stringValue ?? "KRW")
    }
}
