import Testing
@testable import GraphQLEngine

/// The September 2025 edition's rule that graphql-core 3.2.8 lacks: graphql-js 17's wording.
@Suite("KnownOperationTypesRule")
struct KnownOperationTypesTests {
    @Test("an operation whose root type the schema lacks is an error; present roots are fine")
    func unsupportedOperations() throws {
        let schema = try buildSchema("type Query { a: Int }")
        let mutation = validate(schema: schema, document: try parse("mutation M { a }"))
        #expect(mutation.map(\.message) == ["The mutation operation is not supported by the schema."])
        #expect(mutation.first?.locations.first.map { [$0.line, $0.column] } == [1, 1])
        let subscription = validate(schema: schema, document: try parse("{ a }\nsubscription { a }"), rules: [KnownOperationTypesRule])
        #expect(subscription.map(\.message) == ["The subscription operation is not supported by the schema."])
        #expect(subscription.first?.locations.first.map { [$0.line, $0.column] } == [2, 1])
        #expect(validate(schema: schema, document: try parse("query { a }")).isEmpty)
        let full = try buildSchema("type Query { a: Int } type Mutation { b: Int } type Subscription { c: Int }")
        #expect(validate(schema: full, document: try parse("mutation { b } subscription S { c }")).map(\.message)
            == ["This anonymous operation must be the only defined operation."])
    }

    @Test("subscriptions select one root field, and no introspection root field")
    func singleFieldSubscriptions() throws {
        let schema = try buildSchema("type Query { a: Int } type Subscription { c: Int d: Int }")
        #expect(validate(schema: schema, document: try parse("subscription S { c d }")).map(\.message)
            == ["Subscription \"S\" must select only one top level field."])
        #expect(validate(schema: schema, document: try parse("subscription S { __typename }")).map(\.message)
            == ["Subscription \"S\" must not select an introspection top level field."])
    }
}
