import Foundation
import GraphQLEngine
import GraphQLTestSupport
@testable import GraphQLTool
import JSON
import Testing

/// The `graphql` tool's contract (print, introspect, validate, execute), checked in-process through
/// `GraphQLToolCore`, which the executable only wraps.
@Suite("graphql tool contract", .serialized)
struct GraphQLToolTests {
    let sdl = Marketplace.sdl

    @Test("print: graphql-core's print_schema output; invalid SDL: stderr and exit 1")
    func printCommand() throws {
        let out = GraphQLToolCore.print(schemaSDL: sdl)
        let answer = try GraphQLCoreOracle.ask([["op": "print", "sdl": .string(sdl)]])[0]
        let expected = try #require(answer["ok"]?.stringValue, "graphql-core could not print the schema: \(answer)")
        #expect(out.exitCode == 0 && out.stderr.isEmpty)
        #expect(out.stdout == expected + "\n")
        let bad = GraphQLToolCore.print(schemaSDL: "type Query { x: Nope }")
        #expect(bad.exitCode == 1 && bad.stdout.isEmpty && bad.stderr.contains("Unknown type \"Nope\"."))
        let syntax = GraphQLToolCore.print(schemaSDL: "type Query {", schemaName: "s.graphql")
        #expect(syntax.exitCode == 1 && syntax.stderr == "s.graphql:1:13: Syntax Error: Expected Name, found <EOF>.\n")
        // Every SDL error, one a line, each where it is (graphql-js's buildASTSchema refuses such a schema too).
        let invalid = GraphQLToolCore.print(schemaSDL: """
            type Query { a: Int a: Int }
            directive @d on FIELD
            extend type Query @d
            extend type Missing @d
            """, schemaName: "s.graphql")
        #expect(invalid.exitCode == 1 && invalid.stdout.isEmpty)
        #expect(invalid.stderr == """
            s.graphql:1:14: Field "Query.a" can only be defined once. (see also s.graphql:1:21)
            s.graphql:3:19: Directive "@d" may not be used on OBJECT.
            s.graphql:4:13: Cannot extend type "Missing" because it is not defined.
            s.graphql:4:21: Directive "@d" may not be used on OBJECT.

            """)
    }

    @Test("introspect: {\"data\": ...} of the standard query with the five options")
    func introspectCommand() async throws {
        let out = await GraphQLToolCore.introspect(schemaSDL: sdl)
        #expect(out.exitCode == 0)
        let ours = try JSONReader.parse(out.stdout)
        let answer = try GraphQLCoreOracle.ask([[
            "op": "introspect", "sdl": .string(sdl),
            "options": ["descriptions": true, "specified_by_url": true, "directive_is_repeatable": true,
                        "schema_description": true, "input_value_deprecation": true],
        ]])[0]
        let expected = try #require(answer["ok"], "graphql-core could not introspect the schema: \(answer)")
        #expect(ours.objectValue?.keys == ["data"])
        #expect(jsonEqual(ours, expected))
    }

    @Test("validate: [] when valid, a syntax error is one entry, exit 0 either way")
    func validateCommand() throws {
        let ok = GraphQLToolCore.validate(schemaSDL: sdl, query: "{ brands { id } }")
        #expect(ok.exitCode == 0 && ok.stdout == "[]\n")
        let bad = GraphQLToolCore.validate(schemaSDL: sdl, query: "{ brands { id }")
        #expect(bad.exitCode == 0)
        guard case .array(let errors) = try JSONReader.parse(bad.stdout) else { Issue.record("not a list"); return }
        #expect(errors.count == 1)
        #expect(errors[0].objectValue?.keys == ["message", "locations"])
        #expect(errors[0]["message"]?.stringValue?.hasPrefix("Syntax Error:") == true)
    }

    @Test("execute: response like graphql-js, root from JSON, __typename for abstract types")
    func executeCommand() async throws {
        let root = Marketplace.root(items: 3).jsonString()
        let out = await GraphQLToolCore.execute(
            schemaSDL: sdl, query: "query Q($id: ID!) { gifticon(id: $id) { id } search(text: \"x\") { __typename ... on Brand { name } } }",
            variablesJSON: #"{"id": "g0"}"#, rootJSON: root, operationName: "Q")
        #expect(out.exitCode == 0)
        #expect(out.stdout == #"{"data":{"gifticon":{"id":"g0"},"search":[{"__typename":"Gifticon"},{"__typename":"Brand","name":"Brand 2"},{"__typename":"Seller"},null]}}"# + "\n")
        // Fails before execution: no "data" key.
        let noData = await GraphQLToolCore.execute(schemaSDL: sdl, query: "query Q($id: ID!) { gifticon(id: $id) { id } }", rootJSON: root)
        #expect(noData.stdout.hasPrefix(#"{"errors":[{"message":"Variable \"$id\" of required type \"ID!\" was not provided.","locations":[{"line":1,"column":9}]}]}"#))
        let syntax = await GraphQLToolCore.execute(schemaSDL: sdl, query: "{", rootJSON: root)
        #expect(syntax.stdout.hasPrefix(#"{"errors":[{"message":"Syntax Error:"#))
        let unknownOp = await GraphQLToolCore.execute(schemaSDL: sdl, query: "{ brands { id } }", operationName: "Nope")
        #expect(unknownOp.stdout == #"{"errors":[{"message":"Unknown operation named \"Nope\"."}]}"# + "\n")
        let badVariables = await GraphQLToolCore.execute(schemaSDL: sdl, query: "{ brands { id } }", variablesJSON: "[1,")
        #expect(badVariables.exitCode == 0 && badVariables.stdout.hasPrefix(#"{"errors":"#))
    }

    @Test("hostile inputs end in errors, never a crash")
    func hostile() async {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("{}()[]:$@!=.|&\"\\ \n\tabcxyz019_-#,…é".unicodeScalars)
        for _ in 0..<300 {
            var q = ""
            for _ in 0..<Int.random(in: 0..<60, using: &rng) { q.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
            let out = await GraphQLToolCore.execute(schemaSDL: sdl, query: q, variablesJSON: "{\"a\": [1, {\"b\": null}]}")
            #expect(out.exitCode == 0)
        }
        let deep = String(repeating: "{ a ", count: 5000)
        let out = await GraphQLToolCore.execute(schemaSDL: sdl, query: deep)
        #expect(out.exitCode == 0)
    }
}
