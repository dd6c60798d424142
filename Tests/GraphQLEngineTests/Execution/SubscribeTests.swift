import JSON
import Testing
@testable import GraphQLEngine

/// The spec's Subscribe: CreateSourceEventStream (the root field's event source, or request errors) and
/// MapSourceToResponseEvent (the selection executed once per event, the event as the root value).
@Suite("Subscriptions")
struct SubscribeTests {
    static func schema() throws -> GraphQLSchema {
        let schema = try buildSchema("""
            type Query { unused: Int }
            type Subscription { counter(to: Int!): Tick  broken: Int  noSource: Int }
            type Tick { n: Int  double: Int }
            """, resolvers: [
                "Subscription": ["counter": .sync { event, _, _, _ in event }],
                "Tick": ["double": .sync { source, _, _, _ in ((source as? [String: Int])?["n"] ?? 0) * 2 }],
            ])
        schema.subscriptionType!.fields["counter"]!.subscribe = { _, args, _, _ in
            let to = args["to"]!.intValue!
            guard to >= 0 else { throw GraphQLError("to must not be negative") }
            return AsyncThrowingStream { continuation in
                for n in 1...max(1, to) { continuation.yield(["n": n]) }
                continuation.finish()
            }
        }
        schema.subscriptionType!.fields["broken"]!.subscribe = { _, _, _, _ in
            AsyncThrowingStream { continuation in
                continuation.yield(["broken": 1])  // the default resolver reads the field from the event
                continuation.finish(throwing: GraphQLError("the source failed"))
            }
        }
        return schema
    }

    func results(_ source: String, variables: JSONObject? = nil) async throws -> SubscriptionStart<[String]> {
        switch await subscribe(schema: try Self.schema(), document: try parse(Source(source)), variableValues: variables) {
        case .errors(let errors): return .errors(errors)
        case .events(let stream):
            var out: [String] = []
            for await result in stream { out.append(result.jsonString()) }
            return .events(out)
        }
    }

    @Test("each event is one execution of the selection, the event as the root value")
    func eventsMapToResponses() async throws {
        guard case .events(let out) = try await results("subscription { counter(to: 3) { n double } }") else { Issue.record("no events"); return }
        #expect(out == [#"{"data":{"counter":{"n":1,"double":2}}}"#, #"{"data":{"counter":{"n":2,"double":4}}}"#,
                        #"{"data":{"counter":{"n":3,"double":6}}}"#])
    }

    @Test("request errors keep the stream from starting: not a subscription, a field without a source, bad arguments")
    func requestErrors() async throws {
        guard case .errors(let query) = try await results("{ unused }") else { Issue.record("a query started"); return }
        #expect(query.first?.message == "The operation is a query, not a subscription.")
        guard case .errors(let none) = try await results("subscription { noSource }") else { Issue.record("no source started"); return }
        #expect(none.first?.message == #"Subscription field "noSource" has no event source."#)
        #expect(none.first?.path == [.key("noSource")])
        guard case .errors(let variables) = try await results("subscription ($to: Int!) { counter(to: $to) { n } }", variables: JSONObject([("to", "x")]))
        else { Issue.record("bad variables started"); return }
        #expect(variables.first?.message.contains("$to") == true)
        guard case .errors(let thrown) = try await results("subscription { c: counter(to: -1) { n } }") else { Issue.record("threw, started"); return }
        #expect(thrown.first?.message == "to must not be negative")
        #expect(thrown.first?.path == [.key("c")])
    }

    @Test("a source that fails ends the stream with an error after the events it gave")
    func sourceFailure() async throws {
        guard case .events(let out) = try await results("subscription { broken }") else { Issue.record("no events"); return }
        #expect(out.count == 2)
        #expect(out.first == #"{"data":{"broken":1}}"#)
        #expect(out.last?.contains("the source failed") == true)
    }
}
