import Foundation
import JSON
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("Introspection equals graphql-core's", .serialized)
struct IntrospectionDifferentialTests {
    static let optionSets: [(IntrospectionOptions, JSONValue)] = [
        (.tool, ["descriptions": true, "specified_by_url": true, "directive_is_repeatable": true, "schema_description": true, "input_value_deprecation": true]),
        (IntrospectionOptions(), [:]),
        (IntrospectionOptions(descriptions: false), ["descriptions": false]),
        (IntrospectionOptions(descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true),
         ["descriptions": true, "specified_by_url": true, "directive_is_repeatable": true, "schema_description": true, "input_value_deprecation": true, "input_object_one_of": true]),
    ]

    @Test("over the whole corpus, four option sets")
    func corpus() async throws {
        #expect(CorpusSchemas.all.count == CorpusSchemas.paths.count, "unreadable corpus schemas")
        let schemas = CorpusSchemas.all + [("marketplace", Marketplace.sdl)]
        var requests: [JSONValue] = []
        for (_, sdl) in schemas {
            for (_, py) in Self.optionSets { requests.append(["op": "introspect", "sdl": .string(sdl), "options": py]) }
        }
        let answers = try GraphQLCoreOracle.ask(requests)
        var compared = 0
        var messageOnly = 0
        var bothRejected = 0
        // A schema only one side builds is a failure naming it; one both reject
        // (graphql-core's build_schema raises, our buildSchema throws) is counted apart.
        for (i, (path, sdl)) in schemas.enumerated() {
            let schema: GraphQLSchema
            do { schema = try buildSchema(sdl) } catch {
                for j in Self.optionSets.indices {
                    let answer = answers[i * Self.optionSets.count + j]
                    if answer["ok"] == nil {
                        bothRejected += 1
                    } else {
                        Issue.record("\(path) options #\(j): graphql-core introspects it, we fail to build it: \(error)")
                    }
                }
                continue
            }
            for (j, (options, _)) in Self.optionSets.enumerated() {
                let answer = answers[i * Self.optionSets.count + j]
                guard let expected = answer["ok"] else {
                    Issue.record("\(path) options #\(j): we build it, graphql-core fails: \(answer)")
                    continue
                }
                let ours = await graphql(schema: schema, source: getIntrospectionQuery(options)).json
                // Invalid schemas: graphql-js locates some schema errors at AST nodes our types don't keep yet
                // (fields, arguments); those must match by message, and we count them.
                var same = responsesMatch(ours, expected)
                if !same && ours["data"] == nil {
                    same = Set(errorSet(ours).map { $0.components(separatedBy: " @ ")[0] })
                        == Set(errorSet(expected).map { $0.components(separatedBy: " @ ")[0] })
                    if same { messageOnly += 1 }
                }
                #expect(same, "\(path) options #\(j)")
                if !same {
                    try? FileManager.default.createDirectory(atPath: "/tmp/gql-diff", withIntermediateDirectories: true)
                    let base = "/tmp/gql-diff/intro-" + path.replacingOccurrences(of: "/", with: "_") + "-\(j)"
                    try? ours.jsonString().write(toFile: base + ".ours.json", atomically: true, encoding: .utf8)
                    try? expected.jsonString().write(toFile: base + ".expected.json", atomically: true, encoding: .utf8)
                    break
                }
                compared += 1
            }
        }
        #expect(compared > 200)
        print("introspection: \(compared) responses equal graphql-core's, \(messageOnly) of them (invalid schemas) by error messages only; \(bothRejected) rejected by both")
    }
}
