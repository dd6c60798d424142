import JSON
import Testing
@testable import GraphQLEngine

/// The async executor completes subtrees without async resolvers inline (through the synchronous executor), and a
/// document's field plans can be shared between executions: both must answer exactly as the plain async path does.
@Suite("Shared field plans and inline synchronous subtrees")
struct SharedPlansAndInlineSubtreesTests {
    static let sdl = """
        type Query { item(id: Int!): Item, items: [Item!]! }
        type Item { id: Int! name: String! tags: [Tag!] owner: Owner! late: String }
        type Tag { label: String! }
        type Owner { nick: String! }
        """

    static let data: [JSONValue] = [
        ["id": 1, "name": "one", "tags": [["label": "a"], ["label": "b"]], "owner": ["nick": "x"]],
        // A null in a non-null leaf of a synchronous subtree: null propagates to the nearest nullable parent.
        ["id": 2, "name": "two", "tags": [["label": .null]], "owner": ["nick": "y"]],
        ["id": 3, "name": "three", "tags": .null, "owner": ["nick": .null]],
    ]

    /// `late` is async; with `allAsync` every field is, so nothing runs inline.
    static func schema(allAsync: Bool) throws -> GraphQLSchema {
        var resolvers: [String: [String: GraphQLFieldResolver]] = [
            "Query": [
                "item": .async { _, args, _, _ in data.first { $0.objectValue?["id"] == args["id"] } },
                "items": .async { _, _, _, _ in data },
            ],
            "Item": ["late": .async { source, _, _, _ in
                try await Task.sleep(for: .milliseconds(1))
                return (source as? JSONValue)?.objectValue?["name"]
            }],
        ]
        if allAsync {
            resolvers["Tag"] = ["label": .async { source, _, _, _ in (source as? JSONValue)?.objectValue?["label"] }]
            resolvers["Owner"] = ["nick": .async { source, _, _, _ in (source as? JSONValue)?.objectValue?["nick"] }]
            resolvers["Item"]!["name"] = .async { source, _, _, _ in (source as? JSONValue)?.objectValue?["name"] }
        }
        return try buildSchema(sdl, resolvers: resolvers)
    }

    static let queries: [(String, JSONObject?)] = [
        ("{ items { id name tags { label } owner { nick } } }", nil),
        ("{ items { id late tags { label } owner { nick } } }", nil),
        ("query($id: Int!) { item(id: $id) { ...F owner { nick } } } fragment F on Item { id name tags { label } }", JSONObject([("id", 2)])),
        ("query($id: Int!) { item(id: $id) { id owner { nick } } }", JSONObject([("id", 3)])),
        ("query($t: Boolean!) { items { id tags @include(if: $t) { label } } }", JSONObject([("t", true)])),
        ("query($t: Boolean!) { items { id tags @include(if: $t) { label } } }", JSONObject([("t", false)])),
    ]

    @Test("inline subtrees answer as the all-async path, errors and paths included")
    func inlineEqualsAsync() async throws {
        let mixed = try Self.schema(allAsync: false), async = try Self.schema(allAsync: true)
        for (query, variables) in Self.queries {
            let document = try parse(Source(query))
            let expected = await execute(schema: async, document: document, variableValues: variables).jsonString()
            let actual = await execute(schema: mixed, document: document, variableValues: variables).jsonString()
            #expect(actual == expected, "\(query)")
        }
        let sample = await execute(schema: mixed, document: try parse(Source(Self.queries[0].0))).jsonString()
        #expect(sample.contains(#""path":["items",1,"tags",0,"label"]"#), "\(sample)")
    }

    @Test("plans shared across executions answer as fresh ones; @include with a variable is not shared")
    func sharedPlans() async throws {
        let schema = try Self.schema(allAsync: false)
        let text = "query($t: Boolean!) { items { id tags @include(if: $t) { label } } }"
        let document = try parse(Source(text))
        let plans = FieldPlanCache(document: document)
        #expect(!plans.isShareable(for: schema))
        let with = await execute(schema: schema, document: document, variableValues: JSONObject([("t", true)]), plans: plans).jsonString()
        let without = await execute(schema: schema, document: document, variableValues: JSONObject([("t", false)]), plans: plans).jsonString()
        #expect(with.contains("tags") && !without.contains("tags"))

        let plain = try parse(Source("query($id: Int!) { item(id: $id) { id name tags { label } owner { nick } } }"))
        let shared = FieldPlanCache(document: plain)
        #expect(shared.isShareable(for: schema))
        for id in [1, 2, 3, 1] {
            let fresh = await execute(schema: schema, document: plain, variableValues: JSONObject([("id", .int(id))])).jsonString()
            let reused = await execute(schema: schema, document: plain, variableValues: JSONObject([("id", .int(id))]), plans: shared).jsonString()
            #expect(reused == fresh)
        }
        // Bound to the first schema: another schema executes with plans of its own.
        #expect(!shared.isShareable(for: try Self.schema(allAsync: true)))
    }
}
