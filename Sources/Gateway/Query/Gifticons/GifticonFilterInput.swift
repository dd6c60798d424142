import GraphQLEngine
import JSON

/// The `GifticonFilter` input's conditions, read into a search (bad values are BAD_USER_INPUT naming the field).
enum GifticonFilterInput {
    static func apply(_ filter: JSONObject, to search: inout GifticonSearch) throws {
        search.status = filter["status"]?.stringValue
        search.brandIds = try Arguments.ids(filter["brandIds"], field: "filter.brandIds") ?? []
        search.categoryIds = try Arguments.ids(filter["categoryIds"], field: "filter.categoryIds") ?? []
        search.sellerId = try Arguments.optionalId(filter["sellerId"], field: "filter.sellerId")
        search.tags = (filter["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        search.minPriceCents = try Arguments.amount(filter["minPrice"], field: "filter.minPrice")?.hundredths
        search.maxPriceCents = try Arguments.amount(filter["maxPrice"], field: "filter.maxPrice")?.hundredths
        search.createdFrom = filter["createdFrom"]?.stringValue
        search.createdTo = filter["createdTo"]?.stringValue
    }
}
