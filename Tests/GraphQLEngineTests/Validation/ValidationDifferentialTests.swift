import Foundation
import JSON
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

/// Runs graphql-core's `validate` live (Support/graphql_core_validate.py) on a batch of documents.
enum GraphQLCoreValidateOracle {
    static func ask(_ requests: [(sdl: String, query: String)]) throws -> [JSONValue] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", GraphQLCoreOracle.supportDirectory.appendingPathComponent("graphql_core_validate.py").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let payload = Data(JSONValue.array(requests.map { r in
            .object(JSONObject([("sdl", .string(r.sdl)), ("query", .string(r.query))]))
        }).jsonBytes())
        let writer = Thread { input.fileHandleForWriting.write(payload); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard case .array(let answers) = try JSONReader.parse([UInt8](data)) else {
            throw GraphQLCoreOracle.OracleError(message: "validate oracle answered no list")
        }
        return answers
    }
}

/// The rules graphql-core 3.2.8 has (all but the 2025 edition's operation type existence rule).
let graphQLCoreRules: [ValidationRule] = specifiedRulesByName.filter { $0.name != "KnownOperationTypesRule" }.map(\.rule)

/// An error as `message @ [locations]`, the message in graphql-js's quoting.
func validationErrorKey(message: String, locations: [(Int, Int)]) -> String {
    graphQLJSWording(normalizeMessage(message)) + " @ " + locations.map { "\($0.0):\($0.1)" }.joined(separator: ",")
}

/// graphql-core names directive locations by its enum's values (`may not be used on fragment spread.`); graphql-js,
/// the reference, by their names (`FRAGMENT_SPREAD`). The one place where the two differ in words, not just quotes.
func graphQLJSWording(_ message: String) -> String {
    let marker = " may not be used on "
    guard message.hasPrefix("Directive \""), let range = message.range(of: marker), message.hasSuffix(".") else { return message }
    let location = message[range.upperBound..<message.index(before: message.endIndex)]
    return message[..<range.upperBound] + location.uppercased().replacingOccurrences(of: " ", with: "_") + "."
}

struct ValidationCorpusCase {
    let id: String
    let sdl: String
    let query: String
}

func loadValidationCorpus() throws -> [ValidationCorpusCase] {
    guard case .array(let items) = try JSONReader.parse(Corpus.read("graphql-core-tests/documents.json")) else {
        throw GraphQLCoreOracle.OracleError(message: "documents.json is not a list")
    }
    var schemas: [String: String] = [:]
    return try items.map { item in
        let schemaPath = "graphql-core-tests/" + (item["schema"]?.stringValue ?? "harness_test_schema.graphql")
        if schemas[schemaPath] == nil { schemas[schemaPath] = try Corpus.read(schemaPath) }
        return ValidationCorpusCase(id: item["id"]?.stringValue ?? "?", sdl: schemas[schemaPath]!, query: item["document"]?.stringValue ?? "")
    }
}

@Suite("Validation differential (graphql-core 3.2.8)")
struct ValidationDifferentialTests {
    @Test("graphql-core's validation documents: the same errors and locations")
    func corpus() throws {
        let cases = try loadValidationCorpus()
        let answers = try GraphQLCoreValidateOracle.ask(cases.map { ($0.sdl, $0.query) })
        #expect(answers.count == cases.count)
        var schemaCache: [String: GraphQLSchema] = [:]
        var compared = 0, agreed = 0, withErrors = 0
        var disagreements: [String] = []
        // A document graphql-core cannot validate, or that we cannot parse, is a disagreement, not a skip.
        for (c, answer) in zip(cases, answers) {
            guard case .array(let expectedErrors)? = answer["ok"] else {
                disagreements.append("\(c.id): graphql-core could not validate it: \(answer)")
                continue
            }
            let document: DocumentNode
            do { document = try parse(c.query) } catch {
                disagreements.append("\(c.id): graphql-core parses it, we fail: \(error.message)")
                continue
            }
            if schemaCache[c.sdl] == nil { schemaCache[c.sdl] = try buildSchema(c.sdl) }
            let ours = validate(schema: schemaCache[c.sdl]!, document: document, rules: graphQLCoreRules)
            let oursSet = Set(ours.map { validationErrorKey(message: $0.message, locations: $0.locations.map { ($0.line, $0.column) }) })
            let expectedSet = Set(expectedErrors.map { e -> String in
                var locations: [(Int, Int)] = []
                if case .array(let ls)? = e["locations"] {
                    locations = ls.map { ($0["line"]?.intValue ?? 0, $0["column"]?.intValue ?? 0) }
                }
                return validationErrorKey(message: e["message"]?.stringValue ?? "", locations: locations)
            })
            compared += 1
            if !expectedSet.isEmpty { withErrors += 1 }
            if oursSet == expectedSet && ours.count == expectedErrors.count {
                agreed += 1
            } else {
                disagreements.append("\(c.id): ours \(oursSet.subtracting(expectedSet).sorted()) graphql-core \(expectedSet.subtracting(oursSet).sorted())")
            }
        }
        print("validation differential: \(agreed)/\(compared) documents agree with graphql-core (\(withErrors) invalid)")
        for d in disagreements { print("  disagree \(d)") }
        #expect(compared == cases.count && compared >= 400)
        #expect(disagreements.isEmpty)
    }
}
