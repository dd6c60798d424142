import Commands
import Foundation
import GraphQLEngine
import JSON
import Logging
import Stores
import Synchronization

/// What one request's resolvers share: the read models and their per-request loaders, the command runner, the caller,
/// and the errors resolvers report beside a value (a stale read answers with data and an error).
final class RequestContext: Sendable {
    let readModels: ReadModelStores
    let loaders: RequestLoaders
    let commands: CommandRunner?
    let caller: Caller
    let idempotencyKey: String?
    let logger: Logger
    let metrics: GatewayMetrics?
    private let waiter: ConsistencyWaiter
    /// One wait per consistency token, shared by the fields that name it.
    private let waits = Mutex<[LSN: Task<ConsistencyWaiter.Outcome, Never>]>([:])
    private let sideErrors = Mutex<[GraphQLError]>([])

    init(readModels: ReadModelStores, commands: CommandRunner?, caller: Caller, idempotencyKey: String?, logger: Logger,
         metrics: GatewayMetrics?, waiter: ConsistencyWaiter) {
        self.readModels = readModels
        self.loaders = RequestLoaders(readModels, metrics: metrics, cache: waiter.cache)
        self.commands = commands
        self.caller = caller
        self.idempotencyKey = idempotencyKey
        self.logger = logger
        self.metrics = metrics
        self.waiter = waiter
    }

    var waiterForStatus: ConsistencyWaiter { waiter }

    /// Errors reported beside values, to append to the response's errors.
    var reportedErrors: [GraphQLError] { sideErrors.withLock { $0 } }

    func report(_ error: GraphQLError) { sideErrors.withLock { $0.append(error) } }

    /// Honors a field's `consistency` argument: waits (bounded) until the token is applied; past the bound the field
    /// answers anyway and a STALE_READ error at its path says so. One wait per token per request.
    func awaitConsistency(_ args: JSONObject, _ info: GraphQLResolveInfo) async throws {
        guard let value = args["consistency"], !value.isNull else { return }
        guard let text = value.stringValue, let token = LSN(text) else {
            throw GatewayError.badInput("The consistency token \(value) is not a WAL position like \"16/B374D848\".", field: "consistency")
        }
        guard await waiter.mayHaveBeenIssued(token) else {
            throw GatewayError.badInput("The consistency token \(text) is past every write the command side has made: no receipt carried it.",
                                        field: "consistency")
        }
        await awaitPosition(token, info)
    }

    /// Waits (bounded, shared by every field of the request waiting for the same position) until the read models
    /// reflect `token`; past the bound, reports STALE_READ at `info`'s field and lets it read what there is.
    func awaitPosition(_ token: LSN, _ info: GraphQLResolveInfo) async {
        let waiter = self.waiter
        let task = waits.withLock { waits -> Task<ConsistencyWaiter.Outcome, Never> in
            if let known = waits[token] { return known }
            let task = Task { await waiter.wait(for: token) }
            waits[token] = task
            return task
        }
        // A request past its deadline is cancelled: the shared wait stops with it.
        let outcome = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
        if case .stale(let applied) = outcome {
            report(GraphQLError(
                "The read models have not caught up with consistency token \(token) yet (applied: \(applied.map { "\($0)" } ?? "unknown")); this answer may not show that write.",
                nodes: info.fieldNodes, path: info.path.components,
                extensions: [ErrorExtensionEntry("code", .string(GatewayErrorCode.staleRead.rawValue))]))
        }
    }
}

extension GraphQLResolveInfo {
    /// The request's context, as the gateway's executor passes it.
    static func context(_ value: any Sendable) -> RequestContext { value as! RequestContext }
}
