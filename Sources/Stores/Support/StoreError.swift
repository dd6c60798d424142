/// An error from one of the stores, carrying the store's own message so that logs say what the server said.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Store: String, Sendable {
        case postgres = "PostgreSQL"
        case mongo = "MongoDB"
        case search = "search"
        case redis = "Redis"
        case kafka = "Kafka"

        /// OpenTelemetry's `db.system.name` for the store.
        public var systemName: String {
            switch self {
            case .postgres: return "postgresql"
            case .mongo: return "mongodb"
            case .search: return "opensearch"
            case .redis: return "redis"
            case .kafka: return "kafka"
            }
        }
    }

    public enum Kind: String, Sendable {
        /// The server could not be reached or the connection broke.
        case unavailable
        /// The pool had no free connection within its wait limit, or the server did not answer in time.
        case timeout
        /// The server answered with an error (bad query, constraint, ...).
        case rejected
        /// The server's reply could not be understood.
        case badReply
    }

    public var store: Store
    public var kind: Kind
    public var message: String
    /// For PostgreSQL, the SQLSTATE code (e.g. "23505"); for search, the HTTP status.
    public var code: String?
    /// For PostgreSQL constraint violations, the constraint's name.
    public var constraint: String?

    public init(_ store: Store, _ kind: Kind, _ message: String, code: String? = nil) {
        self.store = store
        self.kind = kind
        self.message = message
        self.code = code
    }

    public var description: String {
        "\(store.rawValue) \(kind.rawValue): \(message)" + (code.map { " [\($0)]" } ?? "")
    }
}
