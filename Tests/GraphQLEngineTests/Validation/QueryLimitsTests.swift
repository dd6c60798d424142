import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("Query limits (depth, aliases, root fields, cost, tokens, introspection)")
struct QueryLimitsTests {
    let schema = try! buildSchema(Marketplace.sdl)

    private func errors(_ query: String, _ limits: QueryLimits) -> [GraphQLError] {
        ValidatedDocumentCache(schema: schema, limits: limits).validateUncached(query).errors
    }

    private func code(_ error: GraphQLError) -> String? {
        error.extensions.first { $0.key == "code" }.flatMap { if case .string(let s) = $0.value { s } else { nil } }
    }

    @Test("no limit applies by default")
    func offByDefault() {
        let deep = "{ gifticons { " + String(repeating: "related { ", count: 40) + "id" + String(repeating: " }", count: 42)
        #expect(errors(deep, .none).isEmpty)
        #expect(errors("{ __schema { queryType { name } } }", .none).isEmpty)
    }

    @Test("depth counts nested fields, through fragments and inline fragments")
    func depth() throws {
        let query = "query Deep { gifticons { brand { name } } }"
        #expect(errors(query, QueryLimits(maxDepth: 3)).isEmpty)
        let e = errors(query, QueryLimits(maxDepth: 2))
        #expect(e.map(\.message) == ["Operation \"Deep\" is nested 3 levels deep, more than the maximum of 2."])
        #expect(e.first.map(code) == QueryLimitCode.depth)
        #expect(e.first?.locations.first.map { [$0.line, $0.column] } == [1, 1])
        let viaFragments = "{ gifticons { ...F } } fragment F on Gifticon { ... on Gifticon { related { ...G } } } fragment G on Gifticon { brand { name } }"
        #expect(errors(viaFragments, QueryLimits(maxDepth: 4)).isEmpty)
        #expect(errors(viaFragments, QueryLimits(maxDepth: 3)).map(\.message) == ["The anonymous query is nested 4 levels deep, more than the maximum of 3."])
    }

    @Test("aliases are counted each time their fragment is spread")
    func aliases() {
        let query = "{ a: brands { id } b: brands { x: id } gifticons { ...F ...F } } fragment F on Gifticon { t: title }"
        // a, b, x, and t twice (a fragment spread twice in one selection is merged at run time, but it is two spreads).
        #expect(errors(query, QueryLimits(maxAliases: 5)).isEmpty)
        let e = errors(query, QueryLimits(maxAliases: 4))
        #expect(e.map(\.message) == ["The anonymous query uses 5 aliases, more than the maximum of 4."])
        #expect(e.first.map(code) == QueryLimitCode.aliases)
    }

    @Test("root fields include those of root-level fragments")
    func rootFields() {
        let query = "{ a: brands { id } b: brands { id } ...F } fragment F on Query { c: brands { id } ... { d: brands { id } } }"
        #expect(errors(query, QueryLimits(maxRootFields: 4)).isEmpty)
        let e = errors(query, QueryLimits(maxRootFields: 3))
        #expect(e.map(\.message) == ["The anonymous query selects 4 root fields, more than the maximum of 3."])
        #expect(e.first.map(code) == QueryLimitCode.rootFields)
    }

    @Test("cost multiplies what a list field selects by its first/limit argument")
    func cost() {
        // 1 (gifticons) + 50 × (id 1 + brand 1 + name 1) = 151
        let literal = "{ gifticons(first: 50) { id brand { name } } }"
        #expect(errors(literal, QueryLimits(maxCost: 151)).isEmpty)
        let e = errors(literal, QueryLimits(maxCost: 150))
        #expect(e.first?.message.hasPrefix("The anonymous query has an estimated cost of 151, more than the maximum of 150") == true)
        #expect(e.first.map(code) == QueryLimitCode.cost)
        // A variable's default counts; a variable without one is assumed to ask for `assumedListSize` items.
        #expect(errors("query ($n: Int = 20) { gifticons(first: $n) { id } }", QueryLimits(maxCost: 21)).isEmpty)
        #expect(!errors("query ($n: Int = 20) { gifticons(first: $n) { id } }", QueryLimits(maxCost: 20)).isEmpty)
        #expect(errors("query ($n: Int) { gifticons(first: $n) { id } }", QueryLimits(maxCost: 11, assumedListSize: 10)).isEmpty)
        #expect(!errors("query ($n: Int) { gifticons(first: $n) { id } }", QueryLimits(maxCost: 10, assumedListSize: 10)).isEmpty)
        // Nested lists multiply: 1 + 10 × (1 + 10 × (1 + 10 × 1)) = 1,111.
        let nested = "{ gifticons(first: 10) { related(first: 10) { related(first: 10) { id } } } }"
        #expect(errors(nested, QueryLimits(maxCost: 1_111)).isEmpty)
        #expect(!errors(nested, QueryLimits(maxCost: 1_110)).isEmpty)
    }

    @Test("a cost that overflows Int is still rejected, not a crash")
    func costOverflow() {
        let huge = "{ gifticons(first: 2000000000) { " + String(repeating: "related(first: 2000000000) { ", count: 5) + "id" + String(repeating: " }", count: 7)
        let e = errors(huge, QueryLimits(maxCost: 1_000_000))
        #expect(e.count == 1)
        #expect(e.first.map(code) == QueryLimitCode.cost)
    }

    @Test("tokens are limited in the parser, with a code")
    func tokens() {
        let query = "{ " + (0..<100).map { "a\($0): brands { id }" }.joined(separator: " ") + " }"
        let e = errors(query, QueryLimits(maxTokens: 200))
        #expect(e.map(\.message) == ["Syntax Error: Document contains more than 200 tokens. Parsing aborted."])
        #expect(e.first.map(code) == QueryLimitCode.tokens)
        #expect(errors(query, QueryLimits(maxTokens: 1_000)).isEmpty)
    }

    @Test("introspection can be switched off; __typename stays")
    func introspection() {
        let limits = QueryLimits(allowsIntrospection: false)
        let e = errors("{ __schema { queryType { name } } gifticon(id: 1) { __type: id } }", limits)
        #expect(e.map(\.message) == ["GraphQL introspection is disabled on this server: \"__schema\" cannot be queried."])
        #expect(e.first.map(code) == QueryLimitCode.introspection)
        #expect(errors("fragment T on Query { __type(name: \"Brand\") { name } } { ...T }", limits).count == 1)
        #expect(errors("{ brands { __typename id } }", limits).isEmpty)
    }

    @Test("fragment cycles do not hang the limit rules")
    func cycles() {
        let query = "{ brands { ...A } } fragment A on Brand { x: id ...B } fragment B on Brand { ...A }"
        let e = errors(query, QueryLimits(maxDepth: 5, maxAliases: 5, maxRootFields: 5, maxCost: 5))
        #expect(e.map(\.message) == ["Cannot spread fragment \"A\" within itself via \"B\"."])
    }
}
