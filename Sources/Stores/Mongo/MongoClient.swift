import JSON

/// MongoDB through libmongoc behind an async interface, with a bounded pool of blocking clients.
public final class MongoClient: Sendable {
    public let pool: ConnectionPool<MongoConnection>

    /// `callDeadline`: the longest a caller waits for an answer (see `ConnectionPool.callDeadline`).
    public init(uri: String, maxConnections: Int = 8, acquireTimeout: Duration = .seconds(5), callDeadline: Duration? = nil) {
        pool = ConnectionPool(store: .mongo, maxConnections: maxConnections, acquireTimeout: acquireTimeout, callDeadline: callDeadline) {
            try MongoConnection(uri: uri)
        }
    }

    public func insert(_ collection: String, _ documents: [JSONValue]) async throws {
        try await pool.withConnection(operation: "insert \(collection)") { try $0.insert(collection, documents) }
    }

    public func find(_ collection: String, filter: JSONValue, options: JSONValue? = nil) async throws -> [JSONValue] {
        try await pool.withConnection(operation: "find \(collection)") { try $0.find(collection, filter: filter, options: options) }
    }

    public func update(
        _ collection: String, filter: JSONValue, update: JSONValue, upsert: Bool = false, many: Bool = false
    ) async throws -> MongoUpdateResult {
        try await pool.withConnection(operation: "update \(collection)") {
            try $0.update(collection, filter: filter, update: update, upsert: upsert, many: many)
        }
    }

    @discardableResult
    public func delete(_ collection: String, filter: JSONValue) async throws -> Int {
        try await pool.withConnection(operation: "delete \(collection)") { try $0.delete(collection, filter: filter) }
    }

    public func drop(_ collection: String) async throws {
        try await pool.withConnection(operation: "drop \(collection)") { try $0.drop(collection) }
    }

    public func command(_ command: JSONValue) async throws -> JSONValue {
        try await pool.withConnection(operation: command.objectValue?.keys.first ?? "command") { try $0.command(command) }
    }

    public func shutdown() async { await pool.shutdown() }

    /// `uri` with every wait bounded by `timeout` (unless the URI sets its own): a reply (`socketTimeoutMS`), a
    /// connect (`connectTimeoutMS`) and finding a server again after a failure (`serverSelectionTimeoutMS`; libmongoc's
    /// defaults are 5 minutes, 10 s and 30 s). A MongoDB that hangs (stopped, not dead: it still accepts connections)
    /// then fails a read within `timeout` at each step instead of holding it for the request's whole deadline.
    public static func uri(_ uri: String, timeout: Duration) -> String {
        self.uri(uri, bounding: ["socketTimeoutMS", "connectTimeoutMS", "serverSelectionTimeoutMS"], by: timeout)
    }

    /// `uri` with `socketTimeoutMS` set to `timeout`, unless it sets one already.
    public static func uri(_ uri: String, socketTimeout timeout: Duration) -> String {
        self.uri(uri, bounding: ["socketTimeoutMS"], by: timeout)
    }

    /// `uri` with each of `options` set to `timeout` in milliseconds, unless the URI sets it already.
    private static func uri(_ uri: String, bounding options: [String], by timeout: Duration) -> String {
        var result = uri
        for option in options where result.range(of: option, options: .caseInsensitive) == nil {
            result = appending("\(option)=\(timeout.wholeMilliseconds)", to: result)
        }
        return result
    }

    private static func appending(_ option: String, to uri: String) -> String {
        if uri.contains("?") { return uri + "&" + option }
        // Options follow the path: `mongodb://host:port/?…` (a URI without a path needs its slash).
        let afterScheme = uri.range(of: "://").map { uri[$0.upperBound...] } ?? uri[...]
        return uri + (afterScheme.contains("/") ? "" : "/") + "?" + option
    }
}
