import HTTPTypes
import Hummingbird

/// Counts the answers no handler gives (a path the router does not know: 404) in `gateway_requests_total`, which
/// every handler counts its own answers in, so /metrics sees every status.
struct UnroutedAnswers<Context: Hummingbird.RequestContext>: RouterMiddleware {
    let metrics: GatewayMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError {
            metrics.requestCounted(status: Int(error.status.code))
            throw error
        }
    }
}
