import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

/// Documents nested as deep as the parser allows (256 levels by default): validation walks them recursively, one
/// small frame per level, and must not run out of stack, in this debug build either.
@Suite("Deep nesting")
struct DeepNestingTests {
    let schema = try! buildSchema(Marketplace.sdl)

    private func errors(_ text: String) throws -> [String] {
        try validate(schema: schema, document: parse(text)).map(\.message)
    }

    @Test("256 nested selection sets validate")
    func selectionSets() throws {
        let text = "{ gifticons { " + String(repeating: "related { ", count: 254) + "id" + String(repeating: " }", count: 256)
        #expect(try errors(text) == [])
        #expect(throws: GraphQLError.self) { try parse("{ " + text + " }") }
    }

    @Test("a list value 255 deep is checked")
    func listValues() throws {
        let text = "{ echo(list: " + String(repeating: "[", count: 255) + "1" + String(repeating: "]", count: 255) + ") }"
        let found = try errors(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Int cannot represent non-integer value") == true)
    }

    @Test("an object value 255 deep is checked")
    func objectValues() throws {
        let text = "{ echo(filter: " + String(repeating: "{text: ", count: 255) + "\"x\"" + String(repeating: "}", count: 255) + ") }"
        let found = try errors(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("String cannot represent a non string value: {text: {text: ") == true)
    }

    @Test("a list type 255 deep is checked")
    func listTypes() throws {
        let type = String(repeating: "[", count: 255) + "Int" + String(repeating: "]", count: 255)
        let found = try errors("query($v: \(type)) { echo(list: $v) }")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Variable \"$v\" of type") == true)
    }
}
