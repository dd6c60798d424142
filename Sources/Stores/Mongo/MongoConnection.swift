import CMongoC
import JSON

/// One libmongoc client. Blocking; used by one pool thread at a time.
public final class MongoConnection: PooledConnection {
    private static let initialized: Bool = {
        mongoc_init()
        return true
    }()

    let client: OpaquePointer
    public let databaseName: String
    private var broken = false
    private var closed = false

    public init(uri: String) throws {
        _ = MongoConnection.initialized
        var error = bson_error_t()
        guard let parsed = mongoc_uri_new_with_error(uri, &error) else {
            throw StoreError(.mongo, .rejected, "bad MongoDB URI: \(BSONDocument.message(of: error))")
        }
        defer { mongoc_uri_destroy(parsed) }
        // Fail fast when the server is down instead of libmongoc's 30 s default.
        if mongoc_uri_get_option_as_int32(parsed, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, 0) == 0 {
            mongoc_uri_set_option_as_int32(parsed, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, 3000)
        }
        if mongoc_uri_get_option_as_int32(parsed, MONGOC_URI_CONNECTTIMEOUTMS, 0) == 0 {
            mongoc_uri_set_option_as_int32(parsed, MONGOC_URI_CONNECTTIMEOUTMS, 3000)
        }
        databaseName = mongoc_uri_get_database(parsed).map { String(cString: $0) } ?? "gifticon"
        guard let client = mongoc_client_new_from_uri_with_error(parsed, &error) else {
            throw StoreError(.mongo, .unavailable, BSONDocument.message(of: error))
        }
        mongoc_client_set_error_api(client, 2)
        mongoc_client_set_appname(client, "gifticon")
        self.client = client
    }

    deinit { close() }

    public var isHealthy: Bool { !closed && !broken }

    public func close() {
        guard !closed else { return }
        closed = true
        mongoc_client_destroy(client)
    }

    /// Runs `body` with a collection handle; an unreachable server marks the connection for replacement.
    func withCollection<T>(_ name: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        let collection = mongoc_client_get_collection(client, databaseName, name)!
        defer { mongoc_collection_destroy(collection) }
        do {
            return try body(collection)
        } catch let error as StoreError where error.kind == .unavailable {
            broken = true
            throw error
        }
    }

    /// Runs a database command (`{"ping": 1}`, `{"createIndexes": ...}`) and returns its reply.
    public func command(_ command: JSONValue) throws -> JSONValue {
        try BSONDocument.with(command) { document in
            let reply = bson_new()!
            defer { bson_destroy(reply) }
            var error = bson_error_t()
            guard mongoc_client_command_simple(client, databaseName, document, nil, reply, &error) else {
                let failure = BSONDocument.storeError(error)
                if failure.kind == .unavailable { broken = true }
                throw failure
            }
            return try BSONDocument.json(reply)
        }
    }
}
