import JSON
import Stores

/// What a streaming transport (graphql-transport-ws, SSE) gets for one operation: request errors, or its results in
/// order (one for a query or mutation, one per event for a subscription).
enum OperationStream: Sendable {
    /// The operation did not start: a document that does not parse or validate, variables that do not coerce, a
    /// subscription a caller may not open. The errors as JSON (each with `message` and `extensions.code`): over
    /// WebSocket they are an `error` message's payload; over SSE a `next` event's `errors`.
    case refused([JSONValue])
    /// Results until the operation is complete (the stream finishes). A subscription ends early when the consumer
    /// stops iterating (its task is cancelled): the subscriber is removed and its queue freed.
    case results(AsyncStream<StreamedResult>)
}

/// One result of an operation, as JSON (a GraphQL response: `data`, `errors`, `extensions`).
struct StreamedResult: Sendable {
    /// The encoded `ExecutionResult`; a subscription event's `extensions.position` is the WAL position it reflects.
    let body: [UInt8]
    /// The position a subscription event reflects (the SSE event id, the resume point); nil for a query's result.
    let position: LSN?
}
