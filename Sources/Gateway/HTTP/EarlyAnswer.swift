/// A step of `GraphQLService` that answers the request itself (a refusal, a request error, a cached response)
/// throws this: the steps read as a straight line, and the first that answers ends the request.
struct EarlyAnswer: Error {
    let response: GraphQLHTTPResponse
}
