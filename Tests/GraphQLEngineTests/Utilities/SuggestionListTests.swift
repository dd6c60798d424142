import JSON
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("suggestionList equals graphql-core's suggestion_list")
struct SuggestionListTests {
    static let cases: [(input: String, options: [String])] = [
        ("nmae", ["name", "names", "nmae", "NAME", "game", "ename"]),
        ("GREEN", ["green", "Green", "GREN", "RED", "GRAY", "GREENISH"]),
        ("f1", ["f10", "f2", "f11", "f1", "F1", "g1", "f01"]),
        ("ab", ["ba", "abc", "a", "b", "", "AB", "xyz"]),
        ("", ["a", "ab", ""]),
        ("priceWon", ["price", "priceWon", "pricewon", "PriceWonn", "priceKrw", "wonPrice"]),
        ("이름", ["이룸", "이름", "name", "이"]),
        ("straße", ["STRASSE", "strasse", "straße", "Straße"]),
        ("item10", (0..<30).map { "item\($0)" }),
    ]

    @Test("distances, thresholds, case folding, transpositions, natural order")
    func differential() throws {
        let answers = try GraphQLCoreOracle.ask(Self.cases.map { c in
            ["op": "suggest", "input": .string(c.input), "options": .array(c.options.map { .string($0) })]
        })
        for (c, answer) in zip(Self.cases, answers) {
            let expected = answer["ok"]?.arrayValue?.compactMap(\.stringValue)
            #expect(suggestionList(c.input, c.options) == expected, "\(c.input)")
        }
    }
}
