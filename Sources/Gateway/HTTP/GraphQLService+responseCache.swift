import GraphQLEngine
import JSON
import Stores

/// Step 4: a query answered before at this read-model generation gets the same bytes (see `ResponseCache`).
extension GraphQLService {
    /// Where a fresh answer may be kept: the key and the generation it was computed under.
    typealias CacheSlot = (key: ResponseCache.Key, generation: LSN)

    /// Throws the cached answer on a hit; otherwise the slot to keep the answer in (nil: not cacheable).
    func cachedResponse(_ query: String, _ parameters: GraphQLParameters, _ operation: OperationDefinitionNode,
                        media: ResponseMediaType) throws(EarlyAnswer) -> CacheSlot? {
        guard let responses, operation.operation == .query, let generation = waiter.cache?.currentGeneration() else { return nil }
        let key = ResponseCache.Key(query: query, operationName: parameters.operationName,
                                    variables: parameters.variables.map { JSONValue.object($0).jsonBytes() } ?? [])
        if let body = responses.response(for: key, generation: generation) {
            metrics.responseCacheHit()
            throw EarlyAnswer(response: GraphQLHTTPResponse(status: 200, headers: [("Content-Type", media.contentType)], body: body))
        }
        return (key, generation)
    }

    /// Keeps an answer without errors, if the generation did not move while the query ran. Judged here, not
    /// before the lookup: a query that is never kept simply never hits.
    func keep(_ body: [UInt8], in slot: CacheSlot?, query: String, hadErrors: Bool) {
        guard let slot, !hadErrors, waiter.cache?.currentGeneration() == slot.generation, ResponseCache.mayKeep(query) else { return }
        responses?.store(body, for: slot.key, generation: slot.generation)
    }
}
