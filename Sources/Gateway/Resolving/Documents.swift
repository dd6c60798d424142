import GraphQLEngine
import JSON
import ReadModels
import Stores

/// The object a resolver's source is, when it is a read-model document (or an object a resolver built).
func document(_ source: any Sendable) -> JSONObject? { (source as? JSONValue)?.objectValue }

/// Reading read-model documents by id.
enum Documents {
    /// One `find` by `_id` (cheapest on the stand-in server) or one `$in` for many.
    static func byIds(_ mongo: MongoClient, _ collection: String, _ ids: [Int64]) async throws -> [Int64: JSONValue] {
        guard !ids.isEmpty else { return [:] }
        let filter: JSONValue = ids.count == 1 ? [DocumentKey.id: .int(Int(ids[0]))] : [DocumentKey.id: ["$in": .array(ids.map { .int(Int($0)) })]]
        var found: [Int64: JSONValue] = [:]
        for document in try await mongo.find(collection, filter: filter) {
            if let id = document[DocumentKey.id]?.intValue { found[Int64(id)] = document.withIDAlias }
        }
        return found
    }
}
