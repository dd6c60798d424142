import CMongoC
import JSON

/// What an update did.
public struct MongoUpdateResult: Sendable, Equatable {
    public var matched: Int
    public var modified: Int
    public var upserted: Int
}

extension MongoConnection {
    public func insert(_ collection: String, _ documents: [JSONValue]) throws {
        guard !documents.isEmpty else { return }
        try withCollection(collection) { handle in
            let bsons = try documents.map { try BSONDocument.make($0) }
            defer { bsons.forEach { bson_destroy($0) } }
            var pointers: [OpaquePointer?] = bsons
            var error = bson_error_t()
            let ok = pointers.withUnsafeMutableBufferPointer { buffer in
                mongoc_collection_insert_many(handle, buffer.baseAddress, buffer.count, nil, nil, &error)
            }
            guard ok else { throw BSONDocument.storeError(error) }
        }
    }

    /// Documents matching `filter`; `options` takes the server's find options (`sort`, `limit`, `projection`, ...).
    public func find(_ collection: String, filter: JSONValue, options: JSONValue? = nil) throws -> [JSONValue] {
        try withCollection(collection) { handle in
            try BSONDocument.with(filter) { filterDocument in
                try BSONDocument.with(options) { optionsDocument in
                    let cursor = mongoc_collection_find_with_opts(handle, filterDocument, optionsDocument, nil)!
                    defer { mongoc_cursor_destroy(cursor) }
                    var results: [JSONValue] = []
                    var current: OpaquePointer?
                    while mongoc_cursor_next(cursor, &current) {
                        results.append(try BSONDocument.json(current!))
                    }
                    var error = bson_error_t()
                    if mongoc_cursor_error(cursor, &error) { throw BSONDocument.storeError(error) }
                    return results
                }
            }
        }
    }

    /// Updates the first (or every) matching document with an update document or pipeline.
    public func update(
        _ collection: String, filter: JSONValue, update: JSONValue, upsert: Bool = false, many: Bool = false
    ) throws -> MongoUpdateResult {
        try withCollection(collection) { handle in
            try BSONDocument.with(filter) { filterDocument in
                try BSONDocument.with(update) { updateDocument in
                    try BSONDocument.with(upsert ? ["upsert": true] : nil) { options in
                        let reply = bson_new()!
                        defer { bson_destroy(reply) }
                        var error = bson_error_t()
                        let ok = many
                            ? mongoc_collection_update_many(handle, filterDocument, updateDocument, options, reply, &error)
                            : mongoc_collection_update_one(handle, filterDocument, updateDocument, options, reply, &error)
                        guard ok else { throw BSONDocument.storeError(error) }
                        let result = try BSONDocument.json(reply)
                        return MongoUpdateResult(
                            matched: Int(result["matchedCount"]?.intValue ?? 0),
                            modified: Int(result["modifiedCount"]?.intValue ?? 0),
                            upserted: Int(result["upsertedCount"]?.intValue ?? 0))
                    }
                }
            }
        }
    }

    /// Deletes every matching document; returns how many.
    @discardableResult
    public func delete(_ collection: String, filter: JSONValue) throws -> Int {
        try withCollection(collection) { handle in
            try BSONDocument.with(filter) { filterDocument in
                let reply = bson_new()!
                defer { bson_destroy(reply) }
                var error = bson_error_t()
                guard mongoc_collection_delete_many(handle, filterDocument, nil, reply, &error) else {
                    throw BSONDocument.storeError(error)
                }
                return Int(try BSONDocument.json(reply)["deletedCount"]?.intValue ?? 0)
            }
        }
    }

    public func drop(_ collection: String) throws {
        try withCollection(collection) { handle in
            var error = bson_error_t()
            // "ns not found" (code 26) means there was nothing to drop.
            if !mongoc_collection_drop(handle, &error), error.code != 26 { throw BSONDocument.storeError(error) }
        }
    }
}
