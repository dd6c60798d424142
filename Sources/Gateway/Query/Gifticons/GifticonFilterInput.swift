import GraphQLEngine
import JSON

/// The `GifticonFilter` input's conditions, read into a search. Bad values (ids, amounts, instants, an empty range)
/// are BAD_USER_INPUT naming the field, and never reach the search store.
enum GifticonFilterInput {
    static func apply(_ filter: JSONObject, to search: inout GifticonSearch) throws {
        search.statuses = try statuses(filter, prefix: "filter.")
        search.brandIds = try Arguments.ids(filter["brandIds"], field: "filter.brandIds") ?? []
        search.categoryIds = try Arguments.ids(filter["categoryIds"], field: "filter.categoryIds") ?? []
        search.sellerId = try Arguments.optionalId(filter["sellerId"], field: "filter.sellerId")
        search.tags = (filter["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        search.minPriceCents = try Arguments.amount(filter["minPrice"], field: "filter.minPrice")?.hundredths
        search.maxPriceCents = try Arguments.amount(filter["maxPrice"], field: "filter.maxPrice")?.hundredths
        if let min = search.minPriceCents, let max = search.maxPriceCents, min > max {
            throw GatewayError.badInput("filter.minPrice must not be above filter.maxPrice.", field: "filter.minPrice")
        }
        let from = try DateTimeInput.read(filter["createdFrom"], field: "filter.createdFrom")
        let to = try DateTimeInput.read(filter["createdTo"], field: "filter.createdTo")
        if let from, let to, from > to {
            throw GatewayError.badInput("filter.createdFrom must not be after filter.createdTo.", field: "filter.createdFrom")
        }
        search.createdFrom = from?.text
        search.createdTo = to?.text
    }

    /// The shop front unless asked otherwise: `status` and `statuses` together, or ON_SALE when neither is given
    /// (with `all`, every status: a seller's own listings).
    static func statuses(_ args: JSONObject, prefix: String = "", all: Bool = false) throws -> [String] {
        var chosen = args["statuses"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if args["statuses"]?.arrayValue?.isEmpty == true {
            throw GatewayError.badInput("\(prefix)statuses must name at least one status.", field: "\(prefix)statuses")
        }
        if let one = args["status"]?.stringValue, !chosen.contains(one) { chosen.insert(one, at: 0) }
        return chosen.isEmpty ? (all ? [] : [shopFront]) : chosen
    }

    /// What a shopper sees by default: listings still for sale.
    static let shopFront = "ON_SALE"
}
