import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("TypeInfo tracks types during a document walk")
struct TypeInfoTests {
    @Test func tracksFieldArgumentAndInputTypes() throws {
        let schema = try buildSchema(Marketplace.sdl)
        let document = try parse("""
            query ($f: ListingFilter) { gifticons(filter: {category: COFFEE, price: {max: 3}}) { id brand { name } ... on Node { id } } search(text: "x") { __typename } }
            """)
        let typeInfo = TypeInfo(schema: schema)
        var seen: [String] = []
        visit(document, visitWithTypeInfo(typeInfo, Visitor(enter: { node, _ in
            switch node {
            case .field(let f):
                seen.append("field \(f.name.value): \(typeInfo.parentType?.name ?? "-") -> \(typeInfo.type.map { "\($0)" } ?? "-")")
            case .objectField(let f):
                seen.append("input \(f.name.value): \(typeInfo.inputType.map { "\($0)" } ?? "-")")
            case .enumValue(let e):
                seen.append("enum \(e.value): \(typeInfo.enumValue?.name ?? "-")")
            case .variableDefinition:
                seen.append("variable: \(typeInfo.inputType.map { "\($0)" } ?? "-")")
            default: break
            }
            return .continue
        })))
        #expect(seen == [
            "variable: ListingFilter",
            "field gifticons: Query -> [Gifticon!]!",
            "input category: Category",
            "enum COFFEE: COFFEE",
            "input price: PriceRange",
            "input max: Int",
            "field id: Gifticon -> ID!",
            "field brand: Gifticon -> Brand!",
            "field name: Brand -> String!",
            "field id: Node -> ID!",
            "field search: Query -> [SearchResult]",
            "field __typename: SearchResult -> String!",
        ])
    }
}
