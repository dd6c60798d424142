import JSON
import ReadModels
import Stores

/// A snapshot's documents, built in memory and inserted in bulk at its end: every row of a snapshot is read at one
/// point, so its writes never race one another, and a gifticon's row, price, images and tags become one document
/// instead of six statements. The document projector queues into it what it would send (`$set`, `$pull`, `$push`
/// on a document by `_id`); a statement of another shape is refused, so nothing is silently dropped.
///
/// Documents are inserted unordered, 1,000 per command. One that exists already (a read model that was not
/// emptied, or a killed run's late write) is written again as a guarded upsert of all its fields instead.
final class SnapshotDocuments {
    private var documents: [String: [JSONValue: JSONObject]] = [:]
    private var order: [String: [JSONValue]] = [:]

    func document(_ collection: String, _ id: JSONValue) -> JSONObject? { documents[collection]?[id] }

    /// Every document of `collection` by its integer id (references for the rows that embed them).
    func documents(_ collection: String) -> [Int64: JSONValue] {
        var byID: [Int64: JSONValue] = [:]
        for (id, fields) in documents[collection] ?? [:] { if let key = id.int64 { byID[key] = .object(fields) } }
        return byID
    }

    func apply(_ collection: String, filter: JSONValue, update: JSONValue, upsert: Bool, many: Bool) throws {
        guard !many, let id = filter[DocumentKey.id], id.objectValue == nil, let operators = update.objectValue else {
            throw StoreError(.mongo, .rejected, "a snapshot document takes writes to one document by _id: \(filter.jsonString())")
        }
        guard var fields = documents[collection]?[id] ?? (upsert ? JSONObject([(DocumentKey.id, id)]) : nil) else { return }
        for (name, argument) in operators {
            guard let members = argument.objectValue else { throw StoreError(.mongo, .rejected, "snapshot: \(name) needs an object") }
            for (path, value) in members {
                guard !path.contains(".") else { throw StoreError(.mongo, .rejected, "snapshot: no dotted paths (\(path))") }
                switch name {
                case "$set": fields[path] = value
                case "$push":
                    let added = value["$each"]?.arrayValue ?? [value]
                    fields[path] = .array((fields[path]?.arrayValue ?? []) + added)
                case "$pull":
                    // `{list: {field: {$in: [values]}}}`: entries whose field is one of the values.
                    guard let (field, condition) = value.objectValue?.first(where: { _ in true }), let values = condition["$in"]?.arrayValue else {
                        throw StoreError(.mongo, .rejected, "snapshot: $pull takes {field: {$in: [...]}}")
                    }
                    if let list = fields[path]?.arrayValue { fields[path] = .array(list.filter { !values.contains($0[field] ?? .null) }) }
                default: throw StoreError(.mongo, .rejected, "snapshot: \(name) is not supported")
                }
            }
        }
        if documents[collection]?[id] == nil { order[collection, default: []].append(id) }
        documents[collection, default: [:]][id] = fields
    }

    func delete(_ collection: String, id: JSONValue) {
        guard documents[collection]?.removeValue(forKey: id) != nil else { return }
        order[collection]?.removeAll { $0 == id }
    }

    /// Inserts every document; one that exists already is written as a guarded upsert of all its fields.
    func insertAll(into mongo: MongoClient, steps: SyncSteps) async throws {
        for (collection, ids) in order.sorted(by: { $0.key < $1.key }) {
            let all = ids.compactMap { documents[collection]?[$0] }
            for start in stride(from: 0, to: all.count, by: 1_000) {
                let chunk = Array(all[start..<min(start + 1_000, all.count)])
                let command: JSONValue = ["insert": .string(collection), "documents": .array(chunk.map { .object($0) }), "ordered": false]
                let reply = try await steps.measure(.mongoWrites, .mongoCommand(command)) { try await mongo.command(command) }
                var existing: [JSONObject] = []
                for error in reply["writeErrors"]?.arrayValue ?? [] {
                    guard error["code"]?.int64 == 11000, let index = error["index"]?.int64, chunk.indices.contains(Int(index)) else {
                        throw StoreError(.mongo, .rejected, "\(collection): \(error["errmsg"]?.stringValue ?? "insert failed")",
                                         code: error["code"].map { $0.jsonString() })
                    }
                    existing.append(chunk[Int(index)])
                }
                guard !existing.isEmpty else { continue }
                let batch = MongoWriteBatch(mongo: mongo, steps: steps)
                for fields in existing {
                    GuardedWrite.upsert(batch, collection, id: fields[DocumentKey.id] ?? .null,
                                        position: fields[DocumentKey.position]?.stringValue ?? "",
                                        fields: fields.filter { $0.0 != DocumentKey.id && $0.0 != DocumentKey.position })
                }
                try await batch.flush()
            }
        }
        documents.removeAll()
        order.removeAll()
    }
}
