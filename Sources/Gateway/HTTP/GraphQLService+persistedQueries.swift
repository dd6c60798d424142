import GraphQLEngine

/// Step 2: automatic persisted queries. A hash alone is looked up; a hash with its text is checked and stored.
extension GraphQLService {
    func resolvePersistedQuery(_ parameters: inout GraphQLParameters, media: ResponseMediaType) throws(EarlyAnswer) {
        guard let persistedQuery = parameters.extensions?["persistedQuery"]?.objectValue else { return }
        guard let hash = persistedQuery["sha256Hash"]?.stringValue, hash.count == 64 else {
            throw EarlyAnswer(response: plainError(400, "extensions.persistedQuery needs a sha256Hash of 64 hex digits.", media: media))
        }
        if let text = parameters.query {
            guard PersistedQueries.sha256(text) == hash.lowercased() else {
                throw EarlyAnswer(response: requestErrors([GatewayError(.badUserInput, "provided sha does not match query").graphQLError], media: media))
            }
            persisted.store(text, hash: hash)
        } else if let text = persisted.text(for: hash) {
            parameters.query = text
        } else {
            throw EarlyAnswer(response: requestErrors([GatewayError(.persistedQueryNotFound, "PersistedQueryNotFound").graphQLError], media: media))
        }
    }
}
