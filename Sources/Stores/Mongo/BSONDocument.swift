import CMongoC
import JSON

/// Conversions between `JSONValue` and libbson documents through MongoDB Extended JSON (relaxed form).
enum BSONDocument {
    /// A new bson_t the caller must `bson_destroy`.
    static func make(_ value: JSONValue) throws -> OpaquePointer {
        let text = value.jsonString()
        var error = bson_error_t()
        guard let document = bson_new_from_json(text, text.utf8.count, &error) else {
            throw StoreError(.mongo, .rejected, "not a BSON document: \(message(of: error))")
        }
        return document
    }

    /// Calls `body` with a temporary bson_t for `value`.
    static func with<T>(_ value: JSONValue?, _ body: (OpaquePointer?) throws -> T) throws -> T {
        guard let value else { return try body(nil) }
        let document = try make(value)
        defer { bson_destroy(document) }
        return try body(document)
    }

    static func json(_ document: OpaquePointer) throws -> JSONValue {
        var length = 0
        guard let text = bson_as_relaxed_extended_json(document, &length) else {
            throw StoreError(.mongo, .badReply, "document could not be rendered as JSON")
        }
        defer { bson_free(text) }
        let bytes = UnsafeRawBufferPointer(start: text, count: length)
        do {
            return try JSONReader.parse(Array(bytes))
        } catch {
            throw StoreError(.mongo, .badReply, "unreadable document: \(error)")
        }
    }

    static func message(of error: bson_error_t) -> String {
        withUnsafeBytes(of: error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    static func storeError(_ error: bson_error_t) -> StoreError {
        let text = message(of: error)
        // Domain MONGOC_ERROR_STREAM / SERVER_SELECTION: the server is not reachable.
        let unreachable = error.domain == MONGOC_ERROR_STREAM.rawValue || error.domain == MONGOC_ERROR_SERVER_SELECTION.rawValue
        return StoreError(.mongo, unreachable ? .unavailable : .rejected, text, code: String(error.code))
    }
}
