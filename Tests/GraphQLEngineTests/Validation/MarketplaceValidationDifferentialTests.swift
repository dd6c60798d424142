import Foundation
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("Validation differential, our documents (graphql-core 3.2.8)")
struct MarketplaceValidationDifferentialTests {
    /// Compares our errors with graphql-core's, modulo quoting; returns the disagreements.
    private func disagreements(_ documents: [String]) throws -> (disagreements: [String], withErrors: Int, valid: [String]) {
        let schema = try buildSchema(Marketplace.sdl)
        let answers = try GraphQLCoreValidateOracle.ask(documents.map { (Marketplace.sdl, $0) })
        #expect(answers.count == documents.count)
        var disagreements: [String] = []
        var withErrors = 0
        var noErrors: [String] = []
        for (document, answer) in zip(documents, answers) {
            guard case .array(let expected)? = answer["ok"] else {
                disagreements.append("\(document): graphql-core could not validate it: \(answer)")
                continue
            }
            let ours = validate(schema: schema, document: try parse(document), rules: graphQLCoreRules)
            let oursKeys = ours.map { validationErrorKey(message: $0.message, locations: $0.locations.map { ($0.line, $0.column) }) }
            let expectedKeys = expected.map { e -> String in
                var locations: [(Int, Int)] = []
                if case .array(let ls)? = e["locations"] { locations = ls.map { ($0["line"]?.intValue ?? 0, $0["column"]?.intValue ?? 0) } }
                return validationErrorKey(message: e["message"]?.stringValue ?? "", locations: locations)
            }
            if !expectedKeys.isEmpty { withErrors += 1 } else { noErrors.append(document) }
            if oursKeys.sorted() != expectedKeys.sorted() {
                disagreements.append("\(document)\n    ours: \(oursKeys)\n    graphql-core: \(expectedKeys)")
            }
        }
        return (disagreements, withErrors, noErrors)
    }

    @Test("invalid documents: the same errors, messages and locations as graphql-core")
    func invalidDocuments() throws {
        let result = try disagreements(MarketplaceValidationCases.invalid)
        print("validation differential (ours): \(MarketplaceValidationCases.invalid.count - result.disagreements.count)/\(MarketplaceValidationCases.invalid.count) invalid documents agree")
        for d in result.disagreements { print("  disagree \(d)") }
        #expect(result.disagreements.isEmpty)
        // Every one of them is invalid for graphql-core too (a case that stopped being invalid tests nothing).
        #expect(result.valid.isEmpty, "valid for graphql-core: \(result.valid)")
    }

    @Test("valid documents: no errors from either")
    func validDocuments() throws {
        let result = try disagreements(MarketplaceValidationCases.valid)
        for d in result.disagreements { print("  disagree \(d)") }
        #expect(result.disagreements.isEmpty)
        #expect(result.withErrors == 0)
    }

    @Test("every rule graphql-core has reports errors on at least three documents of the corpus and ours")
    func everyRuleIsExercised() throws {
        let schema = try buildSchema(Marketplace.sdl)
        var documents: [(GraphQLSchema, DocumentNode)] = try MarketplaceValidationCases.invalid.map { (schema, try parse($0)) }
        var schemas: [String: GraphQLSchema] = [:]
        for c in try loadValidationCorpus() {
            guard let document = try? parse(c.query) else { continue }
            if schemas[c.sdl] == nil { schemas[c.sdl] = try buildSchema(c.sdl) }
            documents.append((schemas[c.sdl]!, document))
        }
        for (name, rule) in specifiedRulesByName where name != "KnownOperationTypesRule" {
            let hits = documents.filter { !validate(schema: $0.0, document: $0.1, rules: [rule]).isEmpty }.count
            #expect(hits >= 3, "\(name) finds errors in only \(hits) documents")
        }
    }
}
