import GraphQLEngine

/// Step 2: automatic persisted queries. A hash alone is looked up; a hash with its text is checked, and the text is
/// returned for storing once it has validated (step 3).
extension GraphQLService {
    /// The hash to keep the request's text under once it validates, if the request brought both.
    func resolvePersistedQuery(_ parameters: inout GraphQLParameters, media: ResponseMediaType) throws(EarlyAnswer) -> String? {
        guard let persistedQuery = parameters.extensions?["persistedQuery"]?.objectValue else { return nil }
        guard let hash = persistedQuery["sha256Hash"]?.stringValue, hash.count == 64 else {
            throw EarlyAnswer(response: plainError(400, "extensions.persistedQuery needs a sha256Hash of 64 hex digits.", media: media))
        }
        if let text = parameters.query {
            guard PersistedQueries.sha256(text) == hash.lowercased() else {
                throw EarlyAnswer(response: requestErrors([GatewayError(.badUserInput, "provided sha does not match query").graphQLError], media: media))
            }
            return hash
        } else if let text = persisted.text(for: hash) {
            parameters.query = text
            return nil
        } else {
            throw EarlyAnswer(response: requestErrors([GatewayError(.persistedQueryNotFound, "PersistedQueryNotFound").graphQLError], media: media))
        }
    }
}
