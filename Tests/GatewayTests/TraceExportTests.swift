#if OpenTelemetry
import Foundation
import Logging
import Stores
import Tracing
import Telemetry
import Testing

/// Traces leave the process with OTLP: a request that arrives with a W3C `traceparent` continues that trace through
/// parse, validate and execute into the stores and, for a mutation, the command's transaction; the sync's applied
/// runs have spans of their own. Runs only in a build with the OpenTelemetry trait (`scripts/test` runs it so), and
/// alone: the tracer it installs is the whole process's.
@Suite struct TraceExportTests {
    @Test func spansArriveAtAnOTLPReceiverWithTheCallersTrace() async throws {
        #expect(TraceExport.isBuiltIn)
        let receiver = try await OTLPReceiver()
        defer { receiver.stop() }
        let environment = [
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:\(receiver.port)",
            "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
            "OTEL_BSP_SCHEDULE_DELAY": "200",
        ]
        let traceID = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let getTraceID = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let mutationTraceID = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let callerSpan = "00f067aa0ba902b7"
        var logger = Logger(label: "test.traces")
        logger.logLevel = .warning
        try await TraceExport.running(serviceName: "gifticon-trace-test", environment: environment, logger: logger) {
            try await withGateway(sync: true) { gateway in
                let admin = gateway.token(user: 1, admin: true)
                let created = try await gateway.graphql(
                    "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brandId receipt { consistencyToken } } }",
                    variables: ["input": ["name": "스타벅스", "slug": "starbucks-trace"]], token: admin,
                    extraHeaders: ["traceparent": "00-\(mutationTraceID)-\(callerSpan)-01"])
                #expect(created.errors.isEmpty, "\(created.text)")
                let read = try await gateway.graphql(
                    "{ brands { name } gifticons(query: \"스타벅스\", first: 1) { totalCount } }",
                    extraHeaders: ["traceparent": "00-\(traceID)-\(callerSpan)-01"])
                #expect(read.errors.isEmpty, "\(read.text)")
                // A forged or broken traceparent is ignored (a new trace begins), never an error.
                for forged in ["zz", "00-\(String(repeating: "0", count: 32))-\(callerSpan)-01", "00-" + String(repeating: "f", count: 8_000)] {
                    let reply = try await gateway.graphql("{ brands { name } }", extraHeaders: ["traceparent": forged])
                    #expect(reply.status == 200 && reply.errors.isEmpty, "\(forged.prefix(40)): \(reply.status) \(reply.text)")
                }
                // A GET's variables stay out of the span (what a user typed); the query text is kept.
                let get = try await gateway.send("GET", query: "?query=query(%24q%3AString)%7Bgifticons(query%3A%24q%2Cfirst%3A1)%7BtotalCount%7D%7D&variables=%7B%22q%22%3A%22secret%22%7D",
                                                 headers: ["Accept": "application/json", "traceparent": "00-\(getTraceID)-\(callerSpan)-01"])
                #expect(get.status == 200, "\(get.text)")
                // The search client sends its span's context on: the receiver stands in for a search server here.
                let probe = SearchClient(baseURL: "http://127.0.0.1:\(receiver.port)", maxConnections: 1)
                try await withSpan("probe") { _ in _ = try await probe.request("GET", "/probe") }
                await probe.shutdown()
                // The batch processor sends every 200 ms: wait until the read's store spans and the sync's run are in.
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline {
                    let spans = receiver.received
                    if spans.contains(where: { $0.traceID == traceID && $0.name.hasPrefix("search ") }),
                       spans.contains(where: { $0.name.hasPrefix("sync apply") }),
                       spans.contains(where: { $0.traceID == mutationTraceID && $0.name.hasPrefix("PostgreSQL transaction") }) { break }
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
        }
        let spans = receiver.received
        let read = spans.filter { $0.traceID == traceID }
        let names = Set(read.map(\.name))
        // The HTTP request's span is the caller's child; parse, validate, execute and the store calls are in its trace.
        let server = try #require(read.first { $0.parentSpanID == callerSpan }, "no span continues the caller's: \(names)")
        #expect(server.name == "/graphql" && server.service == "gifticon-trace-test", "\(server)")
        #expect(server.attributes["http.response.status_code"] == "200")
        for phase in ["graphql.parse", "graphql.validate", "graphql.execute"] {
            #expect(read.contains { $0.name == phase }, "\(phase) missing: \(names)")
        }
        #expect(read.contains { $0.name.hasPrefix("MongoDB find") && $0.attributes["db.system.name"] == "mongodb" }, "\(names)")
        #expect(read.contains { $0.name == "search POST _search" && $0.attributes["db.system.name"] == "opensearch" }, "\(names)")
        // Every span of the trace hangs from another of it, up to the server span (none is cut off).
        let ids = Set(read.map(\.spanID))
        for span in read where span.spanID != server.spanID {
            #expect(ids.contains(span.parentSpanID), "\(span.name)'s parent is not in the trace")
        }
        // The mutation: its command and the command's transaction.
        let mutation = spans.filter { $0.traceID == mutationTraceID }
        #expect(mutation.contains { $0.name == "command CreateBrand" && $0.attributes["gifticon.command"] == "CreateBrand" },
                "\(mutation.map(\.name))")
        #expect(mutation.contains { $0.name == "PostgreSQL transaction" && $0.attributes["db.system.name"] == "postgresql" })
        let getServer = try #require(spans.first { $0.traceID == getTraceID && $0.parentSpanID == callerSpan })
        let recordedQuery = getServer.attributes["url.query"] ?? ""
        #expect(recordedQuery.contains("variables=REDACTED") && !recordedQuery.contains("secret") && recordedQuery.contains("query="), "\(recordedQuery)")
        // The probe's traceparent names the probe's trace and its client span.
        let probeClient = try #require(spans.first { $0.name == "search GET probe" }, "\(spans.map(\.name))")
        #expect(receiver.probeTraceparents == ["00-\(probeClient.traceID)-\(probeClient.spanID)-01"])
        // Store calls made outside any trace (the gateway's background polls) make no spans: every store span has a parent.
        let orphans = spans.filter { $0.attributes["db.system.name"] != nil && $0.parentSpanID.isEmpty }
        #expect(orphans.isEmpty, "store spans without a trace of their own: \(orphans.prefix(5).map(\.name))")
        // The sync: a span per projector per applied run, with how much it applied.
        let applied = spans.filter { $0.name.hasPrefix("sync apply") }
        #expect(!applied.isEmpty)
        #expect(applied.allSatisfy { $0.attributes["gifticon.sync.projector"] != nil && $0.attributes["gifticon.sync.transactions"] != nil })
    }
}
#endif
