import Testing
@testable import GraphQLEngine

@Suite("validateSchema (graphql-js messages)")
struct ValidateSchemaTests {
    let string = GraphQLType.named(.scalar(GraphQLString))
    let id = GraphQLType.named(.scalar(GraphQLID))

    @Test("an interface field missing in an implementing type")
    func missingInterfaceField() {
        let node = GraphQLInterfaceType(name: "Node", fields: [GraphQLField(name: "id", type: .nonNull(id))])
        let user = GraphQLObjectType(name: "User", fields: [GraphQLField(name: "name", type: string)], interfaces: [node])
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "user", type: .named(.object(user)))])
        let schema = GraphQLSchema(query: query)
        #expect(validateSchema(schema).map(\.message) == ["Interface field Node.id expected but User does not provide it."])
    }

    @Test("wrong field type, missing argument, extra required argument")
    func fieldMismatches() {
        let node = GraphQLInterfaceType(name: "Node", fields: [
            GraphQLField(name: "id", type: .nonNull(id), args: [GraphQLArgument(name: "format", type: string)]),
        ])
        let user = GraphQLObjectType(name: "User", fields: [
            GraphQLField(name: "id", type: string, args: [GraphQLArgument(name: "locale", type: .nonNull(string))]),
        ], interfaces: [node])
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "user", type: .named(.object(user)))])
        let messages = validateSchema(GraphQLSchema(query: query)).map(\.message)
        #expect(messages == [
            "Interface field Node.id expects type ID! but User.id is type String.",
            "Interface field argument Node.id(format:) expected but User.id does not provide it.",
            "Object field User.id includes required argument locale that is missing from the Interface field Node.id.",
        ])
    }

    @Test("missing query type, empty types, oneOf rules, input cycles")
    func otherRules() {
        let empty = GraphQLObjectType(name: "Empty")
        let e = GraphQLEnumType(name: "E")
        let u = GraphQLUnionType(name: "U")
        let one = GraphQLInputObjectType(name: "One", fields: [GraphQLInputField(name: "a", type: .nonNull(string))], isOneOf: true)
        let cyc = GraphQLInputObjectType(name: "Cyc")
        cyc.fields["self"] = GraphQLInputField(name: "self", type: .nonNull(.named(.inputObject(cyc))))
        let query = GraphQLObjectType(name: "Query", fields: [
            GraphQLField(name: "e", type: .named(.object(empty)), args: [
                GraphQLArgument(name: "o", type: .named(.inputObject(one))),
                GraphQLArgument(name: "c", type: .named(.inputObject(cyc))),
            ]),
            GraphQLField(name: "x", type: .named(.enumeration(e))),
            GraphQLField(name: "u", type: .named(.union(u))),
        ])
        let messages = Set(validateSchema(GraphQLSchema(query: query)).map(\.message))
        #expect(messages == [
            "Type Empty must define one or more fields.",
            "Enum type E must define one or more values.",
            "Union type U must define one or more member types.",
            "OneOf input field One.a must be nullable.",
            "Cannot reference Input Object \"Cyc\" within itself through a series of non-null fields: \"self\".",
        ])
        #expect(validateSchema(GraphQLSchema(query: nil)).map(\.message) == ["Query root type must be provided."])
    }

    @Test("type map order follows graphql-js")
    func typeMapOrder() {
        let b = GraphQLObjectType(name: "B", fields: [GraphQLField(name: "s", type: string)])
        let a = GraphQLObjectType(name: "A", fields: [GraphQLField(name: "b", type: .named(.object(b)))])
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "a", type: .named(.object(a)))])
        let schema = GraphQLSchema(query: query, types: [.object(b), .object(query)])
        #expect(Array(schema.typeMap.keys.prefix(5)) == ["B", "String", "Query", "A", "Boolean"])
    }
}
