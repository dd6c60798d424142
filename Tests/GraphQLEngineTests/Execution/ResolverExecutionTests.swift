import JSON
import Testing
@testable import GraphQLEngine

/// Executing with application resolvers: async and sync, concurrency, serial mutations, errors with extensions,
/// custom scalars, application `resolveType`.
@Suite("Execution with application resolvers")
struct ResolverExecutionTests {
    struct Item: Sendable, GraphQLFieldReadable {
        let id: Int
        let name: String
        func graphQLField(_ name: String) -> (any Sendable)? {
            switch name {
            case "id": return id
            case "name": return self.name
            default: return nil
            }
        }
    }

    actor Recorder {
        var events: [String] = []
        func record(_ e: String) { events.append(e) }
    }

    @Test("async query fields run concurrently; results keep selection order")
    func concurrentQueryFields() async throws {
        let recorder = Recorder()
        let schema = try buildSchema("type Query { slow: String fast: String sync: Int }", resolvers: ["Query": [
            "slow": .async { _, _, _, _ in
                await recorder.record("slow start")
                try await Task.sleep(for: .milliseconds(200))
                await recorder.record("slow end")
                return "slow"
            },
            "fast": .async { _, _, _, _ in
                await recorder.record("fast")
                return "fast"
            },
            "sync": .sync { _, _, _, _ in 7 },
        ]])
        let result = await graphql(schema: schema, source: "{ slow fast sync }")
        #expect(result.jsonString() == #"{"data":{"slow":"slow","fast":"fast","sync":7}}"#)
        let events = await recorder.events
        #expect(events.firstIndex(of: "fast")! < events.firstIndex(of: "slow end")!)
    }

    @Test("mutation root fields run one after another")
    func serialMutations() async throws {
        let recorder = Recorder()
        let schema = try buildSchema("type Query { a: Int } type Mutation { first: Int second: Int }", resolvers: ["Mutation": [
            "first": .async { _, _, _, _ in
                try await Task.sleep(for: .milliseconds(100))
                await recorder.record("first")
                return 1
            },
            "second": .async { _, _, _, _ in
                await recorder.record("second")
                return 2
            },
        ]])
        let result = await graphql(schema: schema, source: "mutation { first second }")
        #expect(result.jsonString() == #"{"data":{"first":1,"second":2}}"#)
        #expect(await recorder.events == ["first", "second"])
    }

    @Test("errors carry message, locations, path and extensions; non-null propagates")
    func errors() async throws {
        struct NotFound: Error {}
        let schema = try buildSchema("""
            type Query { item(id: Int!): Item, items: [Item!], strict: Item! }
            type Item { id: Int! name: String! }
            """, resolvers: [
                "Query": [
                    "item": .sync { _, args, _, _ in
                        guard args["id"] == .int(1) else {
                            throw GraphQLError("No item \(args["id"]!)", extensions: [ErrorExtensionEntry("code", "NOT_FOUND")])
                        }
                        return Item(id: 1, name: "one")
                    },
                    "items": .async { _, _, _, _ in [Item(id: 1, name: "one"), Item(id: 2, name: "two")] },
                    "strict": .async { _, _, _, _ in throw NotFound() },
                ],
                "Item": ["name": .sync { source, _, _, _ in
                    let item = source as! Item
                    if item.id == 2 { throw GraphQLError("hidden", extensions: [ErrorExtensionEntry("code", "FORBIDDEN")]) }
                    return item.name
                }],
            ])
        let r1 = await graphql(schema: schema, source: "{ a: item(id: 1) { id name } b: item(id: 5) { id } }")
        #expect(r1.jsonString() == #"{"data":{"a":{"id":1,"name":"one"},"b":null},"errors":[{"message":"No item 5","locations":[{"line":1,"column":30}],"path":["b"],"extensions":{"code":"NOT_FOUND"}}]}"#)
        let r2 = await graphql(schema: schema, source: "{ items { id name } }")
        #expect(r2.jsonString() == #"{"data":{"items":null},"errors":[{"message":"hidden","locations":[{"line":1,"column":14}],"path":["items",1,"name"],"extensions":{"code":"FORBIDDEN"}}]}"#)
        let r3 = await graphql(schema: schema, source: "{ strict { id } }")
        #expect(r3.data == .null)
        #expect(r3.errors.first?.path == ["strict"])
    }

    @Test("custom scalar registered by the application: serialize, parseValue, parseLiteral")
    func customScalar() async throws {
        let money = GraphQLScalarType(
            name: "Money",
            serialize: { value in
                guard let cents = value as? Int else { throw GraphQLError("Money cannot represent value: \(inspect(value))") }
                return .string("\(cents / 100).\(String(format2(cents % 100)))")
            },
            parseValue: { json in
                guard case .string(let s) = json, let d = Double(s) else {
                    throw GraphQLError("Money cannot represent value: \(inspect(json))")
                }
                return .int(Int((d * 100).rounded()))
            },
            parseLiteral: { node, _ in
                guard case .string(let s) = node, let d = Double(s.value) else {
                    throw GraphQLError("Money cannot represent literal: \(printValueLiteral(node))", nodes: [node])
                }
                return .int(Int((d * 100).rounded()))
            })
        let schema = try buildSchema("scalar Money type Query { double(amount: Money!): Money }", scalars: [money], resolvers: [
            "Query": ["double": .sync { _, args, _, _ in (args["amount"]?.intValue ?? 0) * 2 }],
        ])
        let r1 = await graphql(schema: schema, source: #"{ double(amount: "1.25") }"#)
        #expect(r1.jsonString() == #"{"data":{"double":"2.50"}}"#)
        let r2 = await graphql(schema: schema, source: "query($m: Money!) { double(amount: $m) }", variableValues: JSONObject([("m", "0.05")]))
        #expect(r2.jsonString() == #"{"data":{"double":"0.10"}}"#)
        let r3 = await graphql(schema: schema, source: "query($m: Money!) { double(amount: $m) }", variableValues: JSONObject([("m", 5)]))
        #expect(r3.jsonString() == #"{"errors":[{"message":"Variable \"$m\" got invalid value 5; Money cannot represent value: 5","locations":[{"line":1,"column":7}]}]}"#)
        let r4 = await graphql(schema: schema, source: "{ double(amount: 5) }")
        // Validation (ValuesOfCorrectType) reports the scalar's own error, as graphql-js does.
        #expect(r4.errors.first?.message == "Money cannot represent literal: 5")
    }

    @Test("abstract types resolved by the application's resolveType")
    func applicationResolveType() async throws {
        struct Cat: Sendable { let name: String }
        struct Dog: Sendable { let name: String }
        let schema = try buildSchema("""
            interface Pet { name: String }
            type Cat implements Pet { name: String }
            type Dog implements Pet { name: String }
            type Query { pets: [Pet] }
            """,
            resolvers: [
                "Query": ["pets": .sync { _, _, _, _ in [Cat(name: "Tom") as any Sendable, Dog(name: "Rex")] }],
                "Cat": ["name": .sync { s, _, _, _ in (s as! Cat).name }],
                "Dog": ["name": .sync { s, _, _, _ in (s as! Dog).name }],
            ],
            typeResolvers: ["Pet": { value, _, _ in value is Cat ? "Cat" : "Dog" }])
        let r = await graphql(schema: schema, source: "{ pets { __typename name } }")
        #expect(r.jsonString() == #"{"data":{"pets":[{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","name":"Rex"}]}}"#)
    }

    @Test("Swift dictionaries and arrays work with the default resolver")
    func swiftValues() async throws {
        let schema = try buildSchema("type Query { user: User } type User { name: String tags: [String] friend: User }")
        let root: [String: any Sendable] = ["user": ["name": "Ann", "tags": ["a", "b"], "friend": ["name": "Bo"] as [String: any Sendable]] as [String: any Sendable]]
        let r = await graphql(schema: schema, source: "{ user { name tags friend { name tags } } }", rootValue: root)
        #expect(r.jsonString() == #"{"data":{"user":{"name":"Ann","tags":["a","b"],"friend":{"name":"Bo","tags":null}}}}"#)
    }
}

private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
