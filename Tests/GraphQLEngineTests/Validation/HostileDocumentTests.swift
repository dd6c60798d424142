import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

/// Documents built to be slow. Each must be answered quickly: the time bound here is loose (debug build, a noisy
/// machine) and only catches a quadratic or exponential blow-up; BENCHMARKS.md has the release figures.
@Suite("Hostile documents")
struct HostileDocumentTests {
    let schema = try! buildSchema(Marketplace.sdl)
    let gatewayLimits = QueryLimits(maxTokens: 5_000, maxDepth: 12, maxAliases: 30, maxRootFields: 20, maxCost: 20_000)

    private func timed(_ body: () -> [GraphQLError]) -> (errors: [GraphQLError], milliseconds: Double) {
        let clock = ContinuousClock()
        var errors: [GraphQLError] = []
        let elapsed = clock.measure { errors = body() }
        return (errors, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    }

    private func validateAll(_ text: String, _ limits: QueryLimits = .none) -> [GraphQLError] {
        ValidatedDocumentCache(schema: schema, limits: limits).validateUncached(text).errors
    }

    static let repeatedSpreads = "{ gifticons { " + String(repeating: "...F ", count: 1_000) + "} }"
        + " fragment F on Gifticon { id title brand { id name } seller { nickname } related { id title } }"
    static let deep = "{ gifticons { " + String(repeating: "related { ", count: 200) + "id" + String(repeating: " }", count: 202)
    static let distinctAliases = "{ " + (0..<1_000).map { "a\($0): gifticon(id: \($0)) { id title }" }.joined(separator: " ") + " }"
    static let sameAlias = "{ " + String(repeating: "x: gifticon(id: 1) { id title } ", count: 1_000) + " }"

    @Test("1,000 spreads of one fragment: valid, and fragment pairs are compared once")
    func repeatedFragmentSpreads() {
        let (errors, ms) = timed { validateAll(Self.repeatedSpreads) }
        print("hostile: 1,000 repeated spreads validated in \(ms) ms (debug)")
        #expect(errors.isEmpty)
        #expect(ms < 1_000)
    }

    @Test("200 levels of nesting: valid without limits, rejected by the depth limit")
    func deeplyNested() {
        let (errors, ms) = timed { validateAll(Self.deep) }
        print("hostile: 200-deep document validated in \(ms) ms (debug)")
        #expect(errors.isEmpty)
        #expect(ms < 1_000)
        let limited = validateAll(Self.deep, gatewayLimits)
        #expect(limited.map(\.message).contains("The anonymous query is nested 202 levels deep, more than the maximum of 12."))
    }

    @Test("1,000 aliases of one field: distinct ones and one repeated, checked fast and refused by the limits")
    func manyAliases() {
        let distinct = timed { validateAll(Self.distinctAliases) }
        let same = timed { validateAll(Self.sameAlias) }
        print("hostile: 1,000 distinct aliases in \(distinct.milliseconds) ms, 1,000 equal aliases in \(same.milliseconds) ms (debug)")
        #expect(distinct.errors.isEmpty)
        #expect(same.errors.isEmpty)
        #expect(distinct.milliseconds < 1_000)
        #expect(same.milliseconds < 2_000)
        let limited = validateAll(Self.distinctAliases, gatewayLimits)
        #expect(limited.first?.message == "Syntax Error: Document contains more than 5000 tokens. Parsing aborted.")
        let fewer = "{ " + (0..<100).map { "a\($0): gifticon(id: \($0)) { id }" }.joined(separator: " ") + " }"
        #expect(validateAll(fewer, gatewayLimits).map(\.message).contains("The anonymous query uses 100 aliases, more than the maximum of 30."))
    }

    @Test("conflicting repeated fields report once per pair kind, not a million errors")
    func conflictsStopAtMaxErrors() {
        let conflicting = "{ " + (0..<500).map { "x: gifticon(id: \($0)) { id }" }.joined(separator: " ") + " }"
        let (errors, ms) = timed { validateAll(conflicting) }
        print("hostile: 500 conflicting aliases in \(ms) ms, \(errors.count) errors (debug)")
        #expect(errors.count == 101)
        #expect(errors.last?.message == "Too many validation errors, error limit reached. Validation aborted.")
        #expect(ms < 2_000)
    }
}
