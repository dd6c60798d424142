import GraphQLEngine
import JSON
import Stores

/// GraphQL over Server-Sent Events, graphql-sse's "distinct connections mode": a GET or POST to `/graphql` that
/// accepts `text/event-stream` gets its results as `next` events and then `complete` (a subscription's last when it
/// ends or the client closes). Request errors come the same way, as a `next` with `errors` (an EventSource shows no
/// body of a 4xx). A reconnecting client's `Last-Event-ID` (the last event's position) resumes a subscription.
extension GraphQLService {
    func eventStream(_ request: GraphQLHTTPRequest, lastEventID: String?) async -> EventStreamSession {
        var logger = self.logger
        logger[metadataKey: "request-id"] = .string(request.requestID)
        let parameters: GraphQLParameters
        do {
            parameters = try readParameters(request, media: .json)
        } catch {
            return EventStreamSession(frames: [EventStreamFrames.next(StreamedResult(body: error.response.body, position: nil)), EventStreamFrames.complete])
        }
        let outcome = await stream(parameters, caller: caller(request.authorization), resumeAfter: EventStreamFrames.resumePosition(lastEventID),
                                   idempotencyKey: request.idempotencyKey, mutationsAllowed: request.method == .post, logger: logger)
        switch outcome {
        case .refused(let errors):
            let body = JSONValue.object(JSONObject([("errors", .array(errors))]))
            var writer = JSONWriter(capacity: 256)
            writer.write(body)
            return EventStreamSession(frames: [EventStreamFrames.next(StreamedResult(body: writer.bytes, position: nil)), EventStreamFrames.complete])
        case .results(let results):
            return EventStreamSession(results: results, keepAlive: configuration.subscriptions.keepAlive)
        }
    }
}

/// One SSE response's frames: the results as `next` events, pulled only as fast as the client reads (a slow one
/// leaves its events coalescing in its subscriber queue), a keep-alive comment whenever the stream waits
/// `keepAlive`, and `complete` at the end. When the response stops reading (the client went away), the session ends
/// and with it the subscription.
final class EventStreamSession: Sendable {
    private let handoff = Handoff<[UInt8]>()
    private let pump: Task<Void, Never>
    private let heartbeat: Task<Void, Never>

    /// A response of fixed frames (a request error, say).
    init(frames: [[UInt8]]) {
        let handoff = self.handoff
        pump = Task {
            for frame in frames { await handoff.put(frame) }
            handoff.close()
        }
        heartbeat = Task {}
    }

    init(results: AsyncStream<StreamedResult>, keepAlive: Duration) {
        let handoff = self.handoff
        pump = Task {
            for await result in results {
                guard await handoff.put(EventStreamFrames.next(result)) else { return }
            }
            await handoff.put(EventStreamFrames.complete)
            handoff.close()
        }
        heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: keepAlive)
                _ = handoff.offer(EventStreamFrames.keepAlive)
            }
        }
    }

    /// Ends the stream early (the server shutting down): no more results are taken, `complete` goes out, and the
    /// frames end.
    func end() { pump.cancel() }

    /// The frames to write; the session lives as long as they are read.
    var frames: AsyncStream<[UInt8]> {
        AsyncStream(unfolding: { [self] in await handoff.take() })
    }

    deinit {
        pump.cancel()
        heartbeat.cancel()
        handoff.close()
    }
}
