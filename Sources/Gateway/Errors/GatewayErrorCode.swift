/// The `extensions.code` values the gateway answers with (besides the engine's limit codes).
public enum GatewayErrorCode: String, Sendable, CaseIterable {
    case notFound = "NOT_FOUND"
    case forbidden = "FORBIDDEN"
    case conflict = "CONFLICT"
    case badUserInput = "BAD_USER_INPUT"
    case unauthenticated = "UNAUTHENTICATED"
    case staleRead = "STALE_READ"
    case `internal` = "INTERNAL"
    /// A document that does not parse (GraphQL-over-HTTP: a request error).
    case parseFailed = "GRAPHQL_PARSE_FAILED"
    /// A document that breaks a validation rule.
    case validationFailed = "GRAPHQL_VALIDATION_FAILED"
    /// An automatic persisted query whose hash the gateway does not know (yet): resend with the text.
    case persistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND"
    /// A request GraphQL over HTTP refuses before any GraphQL: no query, a mutation over GET, another HTTP method.
    case badRequest = "BAD_REQUEST"
    /// The request ran past `GATEWAY_REQUEST_TIMEOUT_MS` (HTTP 504).
    case timeout = "TIMEOUT"
    /// The instance holds `GATEWAY_MAX_SUBSCRIPTIONS` subscriptions already.
    case tooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS"
    /// A `subscribe` on a WebSocket already running `GATEWAY_WS_MAX_OPERATIONS_PER_CONNECTION` operations.
    case tooManyOperations = "TOO_MANY_OPERATIONS"
}
