import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// A local OTLP/HTTP receiver (JSON encoding): keeps every span posted to /v1/traces, as a collector would take them.
final class OTLPReceiver: Sendable {
    /// A received span: its trace, its parent, its name, its service and its attributes (values as text).
    struct ReceivedSpan: Sendable {
        let traceID: String
        let spanID: String
        let parentSpanID: String
        let name: String
        let service: String
        let attributes: [String: String]
    }

    private let task: Task<Void, any Error>
    let port: Int

    init() async throws {
        let router = Router()
        let (portStream, continuation) = AsyncStream<Int>.makeStream()
        let collected = Mutex<[ReceivedSpan]>([])
        let traceparents = Mutex<[String]>([])
        // Stands in for a search server: what trace context a client sent along.
        router.get("/probe") { request, _ -> Response in
            traceparents.withLock { $0.append(request.headers[HTTPField.Name("traceparent")!] ?? "") }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        router.post("/v1/traces") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            let decoded = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) ?? [:]
            let received = Self.spans(in: decoded)
            collected.withLock { $0 += received }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        var logger = Logger(label: "test.otlp-receiver")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        task = Task { try await app.run() }
        var ports = portStream.makeAsyncIterator()
        guard let bound = await ports.next() else { throw HarnessError("the OTLP receiver did not start") }
        port = bound
        receivedSpans = { collected.withLock { $0 } }
        receivedTraceparents = { traceparents.withLock { $0 } }
    }

    private let receivedSpans: @Sendable () -> [ReceivedSpan]
    private let receivedTraceparents: @Sendable () -> [String]

    /// The `traceparent` header of every GET /probe, in order ("" when there was none).
    var probeTraceparents: [String] { receivedTraceparents() }

    /// Every span received so far.
    var received: [ReceivedSpan] { receivedSpans() }

    func stop() { task.cancel() }

    /// The spans of an OTLP `ExportTraceServiceRequest` in JSON.
    private static func spans(in request: Any) -> [ReceivedSpan] {
        var found: [ReceivedSpan] = []
        for resourceSpans in dig(request, "resourceSpans") as? [[String: Any]] ?? [] {
            let service = (dig(resourceSpans, "resource.attributes") as? [[String: Any]] ?? [])
                .first { $0["key"] as? String == "service.name" }.flatMap { dig($0, "value.stringValue") as? String } ?? ""
            for scopeSpans in resourceSpans["scopeSpans"] as? [[String: Any]] ?? [] {
                for span in scopeSpans["spans"] as? [[String: Any]] ?? [] {
                    var attributes: [String: String] = [:]
                    for attribute in span["attributes"] as? [[String: Any]] ?? [] {
                        guard let key = attribute["key"] as? String, let value = (attribute["value"] as? [String: Any])?.values.first else { continue }
                        attributes[key] = "\(value)"
                    }
                    found.append(ReceivedSpan(
                        traceID: normalizedID(span["traceId"]), spanID: normalizedID(span["spanId"]),
                        parentSpanID: normalizedID(span["parentSpanId"]), name: span["name"] as? String ?? "",
                        service: service, attributes: attributes))
                }
            }
        }
        return found
    }

    /// OTLP/JSON writes ids in hex; a protobuf-JSON encoder may write them in base64: hex either way.
    private static func normalizedID(_ value: Any?) -> String {
        guard let text = value as? String, !text.isEmpty else { return "" }
        if text.count % 2 == 0, text.allSatisfy(\.isHexDigit) { return text.lowercased() }
        guard let bytes = Data(base64Encoded: text) else { return text }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}
