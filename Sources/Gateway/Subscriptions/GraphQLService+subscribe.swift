import Foundation
import GraphQLEngine
import JSON
import Logging
import Stores
import Synchronization

/// A subscription operation. Each subscriber's arguments are checked by CreateSourceEventStream over no notices
/// (request errors refuse it); it then joins the group of its document, operation, variables and viewer, whose source
/// and per-event execution (MapSourceToResponseEvent) are shared. A resume replays what it missed into its queue; a
/// subscription opened with a token ends when the token expires.
extension GraphQLService {
    /// Stops reading the change stream (a gateway shutting down; subscriptions get no more events).
    public func stopLiveFeed() async { await subscriptions.feed.stop() }

    func subscribe(_ prepared: PreparedDocument, _ parameters: GraphQLParameters, caller: Caller, resumeAfter: LSN?,
                   logger: Logger) async -> OperationStream {
        let operation = LiveOperation(service: self, prepared: prepared, parameters: parameters, caller: caller, logger: logger)
        if case .errors(let errors) = await operation.createSource(operation.sourceContext { _ in NoNotices() }) {
            // A resolver's own error keeps its code (internal ones masked); variables that do not coerce are the client's.
            return .refused(errors.map { ($0.originalError == nil ? Self.badUserInput($0) : ErrorMasking.mask($0, logger: logger)).jsonValue })
        }
        let hub = subscriptions
        guard hub.reserve() else {
            let refusal = GatewayError(.tooManySubscriptions, "This gateway serves at most \(hub.maxSubscriptions) subscriptions; try again later.")
            return .refused([refusal.graphQLError.jsonValue])
        }
        let queue = SubscriberQueue(capacity: configuration.subscriptions.queueCapacity, holding: resumeAfter != nil)
        let (group, made) = hub.join(operation.groupKey, queue)
        if made { await operation.startGroup(group, hub: hub) }
        hub.opened()
        if let resumeAfter { Task { await operation.catchUp(after: resumeAfter, into: queue) } }
        let expiry = operation.endOnExpiry(queue)
        let lease = SubscriberLease {
            expiry?.cancel()
            hub.leave(group, queue)
        }
        let metrics = hub.metrics
        return .results(AsyncStream(unfolding: {
            guard let event = await queue.next() else {
                lease.end()
                return nil
            }
            metrics.delivered(commitMillis: event.commitMillis, noticedMillis: event.noticedMillis)
            return event.result
        }, onCancel: { lease.end() }))
    }
}

/// Leaves the group once: when the stream ends, is cancelled, or is dropped unfinished (its deinit).
final class SubscriberLease: Sendable {
    private let leave: Mutex<(@Sendable () -> Void)?>

    init(_ leave: @escaping @Sendable () -> Void) { self.leave = Mutex(leave) }

    func end() {
        let leave = self.leave.withLock { leave in
            defer { leave = nil }
            return leave
        }
        leave?()
    }

    deinit { end() }
}

/// One subscription request: what its source and its event executions need.
struct LiveOperation: Sendable {
    let service: GraphQLService
    let prepared: GraphQLService.PreparedDocument
    let parameters: GraphQLParameters
    let caller: Caller
    let logger: Logger

    /// Subscribers of the same document, operation, variables and viewer share one group.
    var groupKey: String {
        let viewer = caller.userID.map(String.init) ?? "-"
        return [parameters.query ?? "", parameters.operationName ?? "", Self.canonical(.object(parameters.variables ?? JSONObject())), viewer]
            .joined(separator: "\u{0}")
    }

    /// JSON text with every object's keys sorted: the same variables in another order are the same subscription.
    static func canonical(_ value: JSONValue) -> String {
        switch value {
        case .object(let object):
            let members = object.entries.sorted { $0.key < $1.key }.map { canonical(.string($0.key)) + ":" + canonical($0.value) }
            return "{" + members.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        default:
            var writer = JSONWriter(capacity: 64)
            writer.write(value)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
    }

    func readContext() -> RequestContext {
        RequestContext(readModels: service.readModels, commands: nil, caller: caller, idempotencyKey: nil, logger: logger,
                       metrics: service.metrics, waiter: service.waiter)
    }

    func sourceContext(_ notices: @escaping @Sendable (NoticeInterest) -> any NoticeReader) -> SubscriptionSourceContext {
        SubscriptionSourceContext(caller: caller, notices: notices, readContext: readContext)
    }

    func createSource(_ context: SubscriptionSourceContext) async -> SubscriptionStart<AsyncThrowingStream<any Sendable, any Error>> {
        await createSourceEventStream(schema: service.schema, document: prepared.document, contextValue: context,
                                      variableValues: parameters.variables, operationName: parameters.operationName)
    }

    /// The group's source on the live feed (its inboxes registered before this returns, so the first subscriber
    /// misses no change committed after it subscribed), then its loop: each event executed once, for everyone.
    func startGroup(_ group: SubscriptionGroup, hub: SubscriptionHub) async {
        await hub.feed.start { [weak hub] notices in hub?.deliver(notices) }
        let source = await createSource(sourceContext { interest in hub.inbox(for: interest, of: group) })
        group.run(Task {
            if case .events(let events) = source {
                do {
                    for try await event in events {
                        guard let event = event as? LiveEvent else { continue }
                        group.broadcast(await execute(event))
                    }
                } catch {
                    if !Task.isCancelled { group.broadcast(failure(error)) }
                }
            }
            hub.end(group)
        })
    }

    /// One event's response: the selection executed at the event (MapSourceToResponseEvent), internal errors
    /// masked, `extensions.position` the position it reflects (and `catchUp` on a resume's events).
    func execute(_ event: LiveEvent, catchUp: String? = nil) async -> SubscriberQueue.Event {
        let context = readContext()
        let result = await executeSubscriptionEvent(schema: service.schema, document: prepared.document, event: event, contextValue: context,
                                                    variableValues: parameters.variables, operationName: parameters.operationName,
                                                    plans: prepared.plans)
        let errors = service.responseErrors(result, context, logger: logger)
        var extensions = JSONObject([("position", .string(event.position.description))])
        if let catchUp { extensions.append("catchUp", .string(catchUp)) }
        let body = ExecutionResult(data: result.data, errors: errors, extensions: extensions).jsonBytes()
        return SubscriberQueue.Event(entity: event.entity, result: StreamedResult(body: body, position: event.position),
                                     commitMillis: event.commitMillis, noticedMillis: event.noticedMillis)
    }

    /// The last event of a source that failed (masked: the details go to the log).
    func failure(_ error: any Error) -> SubscriberQueue.Event {
        let errors = ErrorMasking.mask([locatedError(error, nodes: [], path: nil)], logger: logger)
        return SubscriberQueue.Event(entity: "failure", result: StreamedResult(body: ExecutionResult(data: nil, errors: errors).jsonBytes(), position: nil),
                                     commitMillis: 0)
    }

    /// A resumed subscriber's catch-up: the notices after `position` the stream still keeps, resolved at the current
    /// state (`catchUp: MISSED`); past the stream's retention, one event of the current state (`CURRENT_STATE`; a
    /// list subscription gets RESYNC). Its events coalesce with the live ones already queued, the newer state winning.
    func catchUp(after position: LSN, into queue: SubscriberQueue) async {
        // The live events queued meanwhile go out with (or coalesced into) the catch-up's, not before them; those at
        // or before what the catch-up resolved are dropped: the last notice it took (every earlier one was in the stream
        // before it, so in the catch-up too), or past the retention the current state, as of the applied position.
        var covered: LSN?
        defer { queue.release(covered: covered) }
        let notices: [ChangeNotice]
        let flag: String
        let reach: LSN?
        do {
            let applied = try await service.waiter.appliedPosition()
            let (missed, complete) = try await service.subscriptions.feed.notices(after: position, applied: applied)
            if complete {
                (notices, flag, reach) = (missed, "MISSED", missed.map(\.position).max())
            } else {
                reach = applied
                (notices, flag) = ([ChangeNotice(position: applied ?? position, commitMillis: 0, keys: [], isResync: true)], "CURRENT_STATE")
            }
        } catch {
            queue.push(failure(error))
            return
        }
        guard !notices.isEmpty else { return }
        let context = sourceContext { interest in MissedNotices(notices.filter { $0.isResync || !interest.touched(in: $0).isEmpty }) }
        guard case .events(let events) = await createSource(context) else { return }
        do {
            for try await event in events {
                guard let event = event as? LiveEvent else { continue }
                var caughtUp = await execute(event, catchUp: flag)
                caughtUp.isCatchUp = true
                service.subscriptions.metrics.queued(queue.push(caughtUp))
            }
            covered = reach   // only a catch-up that went through covers anything
        } catch {
            queue.push(failure(error))
        }
    }

    /// With a token: at its expiry, an UNAUTHENTICATED error and the end of the stream.
    func endOnExpiry(_ queue: SubscriberQueue) -> Task<Void, Never>? {
        guard case .user(let claims) = caller, let expiresAt = claims.expiresAt else { return nil }
        return Task {
            try? await Task.sleep(for: .seconds(max(0, expiresAt - Date().timeIntervalSince1970)))
            guard !Task.isCancelled else { return }
            let error = GatewayError(.unauthenticated, "The bearer token expired; subscribe again with a new one.").graphQLError
            queue.push(SubscriberQueue.Event(entity: "token-expired",
                                             result: StreamedResult(body: ExecutionResult(data: nil, errors: [error]).jsonBytes(), position: nil),
                                             commitMillis: 0))
            queue.finish()
        }
    }
}
