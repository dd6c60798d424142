import JSON
import ReadModels

/// `GifticonFilter` evaluated on one gifticon document (as `Query.gifticons` evaluates it on the search index), for
/// `gifticonsChanged`: whether a listing is in the filter now, and whether it may have been before the change, that
/// is, it fails only on what changes in a listing's life (its status, its price).
struct GifticonFilterMatch: Sendable {
    private let search: GifticonSearch
    private let createdFrom: DateTimeInput?
    private let createdTo: DateTimeInput?

    /// The filter read and checked as `Query.gifticons` reads it (BAD_USER_INPUT naming the field).
    init(_ filter: JSONObject) throws {
        var search = GifticonSearch()
        try GifticonFilterInput.apply(filter, to: &search)
        self.search = search
        createdFrom = try DateTimeInput.read(filter["createdFrom"], field: "filter.createdFrom")
        createdTo = try DateTimeInput.read(filter["createdTo"], field: "filter.createdTo")
    }

    /// In the filter now.
    func matches(_ document: JSONValue) -> Bool {
        lifeConditionsHold(document) && fixedConditionsHold(document)
    }

    /// Out of the filter now only because of its status or price: it may have been in before this change.
    func mayHaveMatched(_ document: JSONValue) -> Bool { fixedConditionsHold(document) }

    private func lifeConditionsHold(_ document: JSONValue) -> Bool {
        if !search.statuses.isEmpty, !search.statuses.contains(document[GifticonDocument.status]?.stringValue ?? "") { return false }
        if search.minPriceCents != nil || search.maxPriceCents != nil {
            let price = document[GifticonDocument.price]?[GifticonDocument.Price.salePrice]
            guard let cents = (try? Arguments.amount(price, field: "price"))??.hundredths else { return false }
            if let min = search.minPriceCents, cents < min { return false }
            if let max = search.maxPriceCents, cents > max { return false }
        }
        return true
    }

    private func fixedConditionsHold(_ document: JSONValue) -> Bool {
        func id(_ value: JSONValue?) -> Int64? { value?.intValue.map(Int64.init) }
        if !search.brandIds.isEmpty, !search.brandIds.contains(id(document[GifticonDocument.brandId]) ?? -1) { return false }
        if let seller = search.sellerId, id(document[GifticonDocument.sellerId]) != seller { return false }
        if !search.categoryIds.isEmpty {
            let ancestors = document[GifticonDocument.category]?[GifticonDocument.Embedded.ancestorIds]?.arrayValue ?? []
            let lineage = Set(([document[GifticonDocument.categoryId]] + ancestors).compactMap(id))
            if !search.categoryIds.contains(where: lineage.contains) { return false }
        }
        if !search.tags.isEmpty {
            let names = Set((document[GifticonDocument.tags]?.arrayValue ?? []).compactMap { $0[GifticonDocument.Embedded.name]?.stringValue })
            if !search.tags.allSatisfy(names.contains) { return false }
        }
        if createdFrom != nil || createdTo != nil {
            guard let created = try? DateTimeInput.read(document[GifticonDocument.createdAt], field: "createdAt") else { return false }
            if let from = createdFrom, created < from { return false }
            if let to = createdTo, created > to { return false }
        }
        return true
    }
}
