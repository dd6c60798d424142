/// A GraphQL-over-HTTP request as the gateway sees it, whatever the server framework: method, the headers it
/// reads, the URL's query parameters and the body.
public struct GraphQLHTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var contentType: String?
    public var accept: String?
    public var authorization: String?
    public var idempotencyKey: String?
    public var requestID: String
    public var queryParameters: [String: String]
    /// Why the URL's query string is malformed (answered 400), nil when it is not.
    public var queryProblem: String?
    public var body: [UInt8]

    public init(method: Method, contentType: String? = nil, accept: String? = nil, authorization: String? = nil,
                idempotencyKey: String? = nil, requestID: String, queryParameters: [String: String] = [:], queryProblem: String? = nil,
                body: [UInt8] = []) {
        self.method = method
        self.contentType = contentType
        self.accept = accept
        self.authorization = authorization
        self.idempotencyKey = idempotencyKey
        self.requestID = requestID
        self.queryParameters = queryParameters
        self.queryProblem = queryProblem
        self.body = body
    }
}

/// The answer: status, headers and body bytes.
public struct GraphQLHTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
