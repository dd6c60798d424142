import Foundation
import JSON
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

/// An SDL document of the corpus, with the schema it extends (graphql-core's tests validate extensions that way).
struct SDLCorpusCase {
    let id: String
    let sdl: String
    let baseSchemaSDL: String?
}

/// graphql-core's SDL documents (sdl_documents.json), then every schema of the corpus standing alone.
func loadSDLCorpus() throws -> [SDLCorpusCase] {
    guard case .array(let items) = try JSONReader.parse(Corpus.read("graphql-core-tests/sdl_documents.json")) else {
        throw GraphQLCoreOracle.OracleError(message: "sdl_documents.json is not a list")
    }
    let documents = try items.map { item in
        SDLCorpusCase(
            id: item["id"]?.stringValue ?? "?", sdl: item["document"]?.stringValue ?? "",
            baseSchemaSDL: try item["base_schema"]?.stringValue.map { try Corpus.read("graphql-core-tests/" + $0) })
    }
    return documents + CorpusSchemas.all.map { SDLCorpusCase(id: $0.path, sdl: $0.sdl, baseSchemaSDL: nil) }
}

@Suite("SDL validation differential (graphql-core 3.2.8)")
struct SDLValidationDifferentialTests {
    @Test("graphql-core's SDL documents and every corpus schema: the same errors, in the same order, at the same places")
    func corpus() throws {
        let cases = try loadSDLCorpus()
        let answers = try GraphQLCoreOracle.ask(cases.map { c in
            var request = JSONObject([("op", .string("validate_sdl")), ("sdl", .string(c.sdl))])
            if let base = c.baseSchemaSDL { request["base"] = .string(base) }
            return .object(request)
        })
        var compared = 0, withErrors = 0, extending = 0
        var disagreements: [String] = []
        for (c, answer) in zip(cases, answers) {
            guard case .array(let expectedErrors)? = answer["ok"] else {
                disagreements.append("\(c.id): graphql-core could not validate it: \(answer)")
                continue
            }
            let ours: [GraphQLError]
            do {
                let base = try c.baseSchemaSDL.map { try buildSchema($0) }
                ours = validateSDL(try parse(c.sdl), schemaToExtend: base)
            } catch {
                disagreements.append("\(c.id): graphql-core validates it, we fail: \(error)")
                continue
            }
            let oursKeys = ours.map { validationErrorKey(message: $0.message, locations: $0.locations.map { ($0.line, $0.column) }) }
            let expectedKeys = expectedErrors.map { e -> String in
                let locations = (e["locations"]?.arrayValue ?? []).map { ($0["line"]?.intValue ?? 0, $0["column"]?.intValue ?? 0) }
                return validationErrorKey(message: e["message"]?.stringValue ?? "", locations: locations)
            }
            compared += 1
            if !expectedKeys.isEmpty { withErrors += 1 }
            if c.baseSchemaSDL != nil { extending += 1 }
            if oursKeys != expectedKeys { disagreements.append("\(c.id):\n    ours \(oursKeys)\n    graphql-core \(expectedKeys)") }
        }
        print("SDL validation differential: \(compared - disagreements.count)/\(compared) documents agree with graphql-core (\(withErrors) invalid, \(extending) extending a schema)")
        for d in disagreements { print("  disagree \(d)") }
        #expect(compared == cases.count && compared >= 200)
        #expect(withErrors >= 60)
        #expect(disagreements.isEmpty)
    }

    @Test("a schema is not built from invalid SDL: buildSchema throws every SDL error")
    func buildRefusesInvalidSDL() throws {
        let sdl = """
            type Query { a: Nope b: Int b: String }
            type Query { x: Int }
            extend scalar Query @deprecated
            """
        #expect {
            try buildSchema(sdl)
        } throws: { error in
            guard let e = error as? SDLValidationError else { return false }
            return e.errors.map(\.message) == [
                "Field \"Query.b\" can only be defined once.",
                "Unknown type \"Nope\".",
                "There can be only one type named \"Query\".",
                "Cannot extend non-scalar type \"Query\".",
                "Directive \"@deprecated\" may not be used on SCALAR.",
            ] && e.errors[0].locations.map(\.line) == [1, 1]
        }
    }

    @Test("extensions in the same document still build")
    func extensionsBuild() throws {
        let schema = try buildSchema("""
            type Query { a: Int }
            extend type Query { b: Color }
            enum Color { RED }
            extend enum Color { GREEN }
            directive @tag(name: String!) repeatable on OBJECT
            extend type Query @tag(name: "x") @tag(name: "y")
            """)
        #expect(schema.queryType?.fields.keys == ["a", "b"])
        #expect(schema.type(named: "Color")?.enumType?.values.map(\.name) == ["RED", "GREEN"])
    }
}
