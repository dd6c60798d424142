/// Step 1: the request's parameters, from the URL (GET) or the body (POST), as GraphQL over HTTP defines them.
extension GraphQLService {
    func readParameters(_ request: GraphQLHTTPRequest, media: ResponseMediaType) throws(EarlyAnswer) -> GraphQLParameters {
        if request.method == .post, request.body.count > configuration.maxBodyBytes {
            throw EarlyAnswer(response: plainError(413, "The request body is larger than \(configuration.maxBodyBytes) bytes.", media: media))
        }
        if request.method == .get, let problem = request.queryProblem {
            throw EarlyAnswer(response: plainError(400, problem, media: media))
        }
        do {
            switch request.method {
            case .get: return try GraphQLParameters.fromQueryParameters(request.queryParameters)
            case .post: return try GraphQLParameters.fromBody(request.body, contentType: request.contentType)
            }
        } catch {
            throw EarlyAnswer(response: plainError(error.status, error.message, media: media))
        }
    }

    /// The query text (after persisted queries): a request without one is malformed.
    func requireQuery(_ parameters: GraphQLParameters, media: ResponseMediaType) throws(EarlyAnswer) -> String {
        guard let query = parameters.query, !query.isEmpty else {
            throw EarlyAnswer(response: plainError(400, "Must provide query string.", media: media))
        }
        return query
    }
}
