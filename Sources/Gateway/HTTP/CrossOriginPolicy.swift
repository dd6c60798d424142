import HTTPTypes
import Hummingbird
import NIOCore

/// CORS for browser frontends on the origins `GATEWAY_CORS_ORIGINS` lists: a preflight (`OPTIONS` with
/// `Access-Control-Request-Method`) from one of them is answered here with what the API takes; its actual requests
/// carry `Access-Control-Allow-Origin`. Other origins get no CORS headers (the browser then refuses the answer).
/// Never credentials: the API authenticates with a bearer token, not cookies.
struct CrossOriginPolicy<Context: Hummingbird.RequestContext>: RouterMiddleware {
    let origins: Set<String>
    let metrics: GatewayMetrics

    static var allowedMethods: String { "GET, POST, OPTIONS" }
    static var allowedHeaders: String { "Content-Type, Accept, Authorization, Idempotency-Key, X-Request-ID" }
    /// How long a browser may keep a preflight's answer.
    static var maxAgeSeconds: String { "600" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin].flatMap { origins.contains($0) ? $0 : nil }
        if request.method == .options {
            // Answered for any path the router knows or not: a preflight carries no body and reaches no resolver.
            var fields = HTTPFields()
            fields[.allow] = Self.allowedMethods
            if let origin, request.headers[.accessControlRequestMethod] != nil {
                fields[.accessControlAllowOrigin] = origin
                fields[.accessControlAllowMethods] = Self.allowedMethods
                fields[.accessControlAllowHeaders] = Self.allowedHeaders
                fields[.accessControlMaxAge] = Self.maxAgeSeconds
                fields[.vary] = "Origin"
            }
            metrics.requestCounted(status: 204)
            return Response(status: .noContent, headers: fields)
        }
        var response = try await next(request, context)
        if !origins.isEmpty { response.headers[.vary] = "Origin" }
        if let origin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlExposeHeaders] = "X-Request-ID"
        }
        return response
    }
}
