import GraphQLEngine
import JSON

/// A gifticon-marketplace-shaped schema and data set for execution tests (as SDL and a JSON root value).
public enum Marketplace {
    public static let sdl = """
        \"\"\"A gifticon marketplace.\"\"\"
        schema { query: Query mutation: Mutation }

        scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

        interface Node { id: ID! }

        enum Category { COFFEE BAKERY CONVENIENCE @deprecated(reason: "Use \\"STORE\\"") STORE }

        enum Status { ON_SALE SOLD EXPIRED }

        type Brand implements Node { id: ID! name: String! logo: String }

        type Seller implements Node { id: ID! nickname: String! rating: Float verified: Boolean! }

        type Gifticon implements Node {
          id: ID!
          title: String!
          brand: Brand!
          seller: Seller
          category: Category!
          status: Status!
          price: Int!
          faceValue: Int
          discountRate: Float
          expiresAt: DateTime
          tags: [String!]!
          related(first: Int = 3): [Gifticon!]
        }

        union SearchResult = Gifticon | Brand | Seller

        input PriceRange { min: Int = 0, max: Int }

        input ListingFilter {
          category: Category
          price: PriceRange
          statuses: [Status!] = [ON_SALE]
          text: String
        }

        input Lookup @oneOf { id: ID, title: String }

        type Query {
          gifticons(filter: ListingFilter, first: Int = 10, after: String): [Gifticon!]!
          gifticon(id: ID!): Gifticon
          node(id: ID!): Node
          search(text: String!): [SearchResult]
          brands: [Brand]
          lookup(by: Lookup!): Gifticon
          echo(value: String, count: Int, ratio: Float, flag: Boolean, id: ID, category: Category, filter: ListingFilter, list: [Int], matrix: [[Int!]]): String
          bad: BadData
        }

        type BadData {
          notAnInt: Int
          requiredNull: String!
          notAList: [String]
          badEnum: Status
          nested: BadData
          nonNullItems: [String!]
          nullableItems: [String]
          untyped: Node
          unknownType: SearchResult
          big: Int
          str: String
          float: Float
        }

        type Mutation { buy(id: ID!): Gifticon, cancel(id: ID!): Boolean }
        """

    /// A JSON root: plain objects, abstract values carry `__typename`.
    public static func root(items: Int = 12) -> JSONValue {
        var brands: [JSONValue] = []
        for b in 0..<4 {
            brands.append(["__typename": "Brand", "id": .string("b\(b)"), "name": .string("Brand \(b)"), "logo": b % 2 == 0 ? .string("logo\(b).png") : .null])
        }
        var list: [JSONValue] = []
        let categories = ["COFFEE", "BAKERY", "CONVENIENCE", "STORE"]
        let statuses = ["ON_SALE", "SOLD", "EXPIRED"]
        for i in 0..<items {
            let seller: JSONValue = i % 3 == 0 ? .null : ["__typename": "Seller", "id": .string("s\(i)"), "nickname": .string("seller\(i)"), "rating": .double(Double(i % 5) + 0.5), "verified": .bool(i % 2 == 0)]
            list.append([
                "__typename": "Gifticon",
                "id": .string("g\(i)"),
                "title": .string("Gift \(i) \"quoted\" ☕"),
                "brand": brands[i % 4],
                "seller": seller,
                "category": .string(categories[i % 4]),
                "status": .string(statuses[i % 3]),
                "price": .int(1000 * (i + 1)),
                "faceValue": i % 4 == 0 ? .null : .int(1500 * (i + 1)),
                "discountRate": .double(Double(i) / 8),
                "expiresAt": .string("2026-12-\(10 + i % 18)T00:00:00Z"),
                "tags": .array([.string("t\(i)"), .string("gift")]),
                "related": .array([]),
            ])
        }
        let bad: JSONValue = [
            "notAnInt": 1.5, "requiredNull": nil, "notAList": "x", "badEnum": "UNKNOWN",
            "nested": ["notAnInt": "abc", "requiredNull": "ok", "nested": ["requiredNull": nil]],
            "nonNullItems": ["a", nil, "c"], "nullableItems": ["a", nil, 3],
            "untyped": ["id": "1"], "unknownType": ["__typename": "Nope", "id": "x"],
            "big": 3_000_000_000, "str": 12.5, "float": "not a number",
        ]
        return [
            "gifticons": .array(list),
            "gifticon": list.first ?? .null,
            "node": brands[1],
            "search": .array([list[0], brands[2], list[1].objectValue?["seller"] ?? .null, .null]),
            "brands": .array(brands + [.null]),
            "lookup": list.count > 2 ? list[2] : .null,
            "echo": "echo",
            "bad": bad,
            "buy": list.first ?? .null,
            "cancel": true,
        ]
    }

    /// Documents with their variables (valid per graphql-js's rules).
    public static let documents: [(query: String, variables: JSONValue?)] = [
        ("{ gifticons { id title price } }", nil),
        ("{ gifticons(first: 5) { ...G } } fragment G on Gifticon { id title brand { id name logo } seller { nickname rating verified } category status price faceValue discountRate expiresAt tags }", nil),
        ("{ a: gifticon(id: 1) { id t: title } b: gifticon(id: \"1\") { title id } __typename }", nil),
        ("{ search(text: \"x\") { __typename ... on Gifticon { id title } ... on Brand { name } ... on Seller { nickname } } }", nil),
        ("{ node(id: \"b1\") { id __typename ... on Brand { name } } }", nil),
        ("query Q($skip: Boolean!, $inc: Boolean = true) { gifticons { id title @skip(if: $skip) price @include(if: $inc) ... on Gifticon @skip(if: true) { status } } }", ["skip": true]),
        ("query Q($skip: Boolean!) { gifticons { id title @skip(if: $skip) } }", ["skip": false]),
        ("query Q($skip: Boolean!) { gifticons { id } }", nil),
        ("query Q($n: Int) { gifticons(first: $n) { id } }", ["n": "ten"]),
        ("query Q($n: Int!) { gifticons(first: $n) { id } }", ["n": nil]),
        ("query Q($f: ListingFilter) { echo(filter: $f) }", ["f": ["category": "COFFEE", "price": ["max": 10], "statuses": "SOLD"]]),
        ("query Q($f: ListingFilter) { echo(filter: $f) }", ["f": ["category": "TEA", "price": ["max": 1.5], "nope": 1]]),
        ("query Q($f: ListingFilter) { echo(filter: $f) }", ["f": "not an object"]),
        ("query Q($l: [Int]) { echo(list: $l) }", ["l": [1, "2", nil]]),
        ("query Q($m: [[Int!]]) { echo(matrix: $m) }", ["m": [[1, 2], [nil]]]),
        ("query Q($by: Lookup!) { lookup(by: $by) { id } }", ["by": ["id": "1", "title": "x"]]),
        ("query Q($by: Lookup!) { lookup(by: $by) { id } }", ["by": ["id": nil]]),
        ("query Q($by: Lookup!) { lookup(by: $by) { id title } }", ["by": ["title": "x"]]),
        ("{ lookup(by: {id: 1}) { id } }", nil),
        ("query Q($id: ID, $c: Category, $r: Float, $b: Boolean, $s: String) { echo(id: $id, category: $c, ratio: $r, flag: $b, value: $s) }", ["id": 12, "c": "BAKERY", "r": 2, "b": true, "s": "x"]),
        ("query Q($id: ID, $c: Category, $r: Float) { echo(id: $id, category: $c, ratio: $r) }", ["id": 1.5, "c": "bakery", "r": "1"]),
        ("{ bad { notAnInt requiredNull } }", nil),
        ("{ bad { notAnInt str float big badEnum notAList } }", nil),
        ("{ bad { nested { notAnInt requiredNull nested { requiredNull } } } }", nil),
        ("{ bad { nonNullItems nullableItems } }", nil),
        ("{ bad { untyped { id } } }", nil),
        ("{ bad { unknownType { __typename } } }", nil),
        ("{ brands { id name } }", nil),
        ("mutation { first: buy(id: 1) { id title } second: cancel(id: 2) third: buy(id: 3) { price } }", nil),
        ("query A { brands { id } } query B { gifticons { id } }", nil),
        ("{ gifticons { id ...F ...F } } fragment F on Gifticon { title seller { ... on Seller { id } ...S } } fragment S on Seller { nickname }", nil),
        ("{ gifticons { id title title: title id } }", nil),
        ("{ gifticons { id related { id } } }", nil),
        ("query ($v: String = \"default\") { echo(value: $v) }", nil),
        ("{ __type(name: \"Gifticon\") { name kind fields { name type { name kind ofType { name } } args { name defaultValue } } } }", nil),
        ("{ __type(name: \"Category\") { enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } t: __type(name: \"Lookup\") { isOneOf inputFields { name } } d: __type(name: \"DateTime\") { specifiedByURL } }", nil),
        ("{ __schema { queryType { name } mutationType { name } subscriptionType { name } description } }", nil),
        ("{ search(text: \"x\") { ... on Node { id } ...B } } fragment B on Brand { name logo }", nil),
        ("query ($c: Category = COFFEE, $f: ListingFilter = {category: BAKERY, price: {min: 1}}) { echo(category: $c, filter: $f) }", nil),
        ("query ($f: ListingFilter) { echo(filter: $f) }", ["f": ["statuses": ["SOLD", "EXPIRED"], "price": nil]]),
        ("query ($f: ListingFilter) { echo(filter: $f) }", ["f": ["statuses": ["SOLD", nil]]]),
        ("query ($f: [Int]) { echo(list: $f) }", ["f": 3]),
        ("query ($m: [[Int!]]) { echo(matrix: $m) }", ["m": 1]),
        ("query ($i: ID) { gifticon(id: $i) { id } }", ["i": nil]),
        ("query ($b: Boolean!) { gifticons @include(if: $b) { id } brands @skip(if: $b) { id } }", ["b": false]),
        ("{ gifticons { id ... @include(if: false) { title } ... @skip(if: false) { price } } }", nil),
        ("{ gifticons(filter: {category: COFFEE, price: {max: 3}}, first: 2, after: \"x\") { id seller { __typename } } }", nil),
        ("{ node(id: 1) { ... on Gifticon { title } ... on Brand { logo } __typename } }", nil),
        ("{ bad { nested { nested { nested { notAnInt } } } } }", nil),
        ("{ bad { a: nonNullItems b: nullableItems c: notAList } }", nil),
        ("query ($v: Int) { echo(count: $v, ratio: $v) }", ["v": 2147483648]),
        ("query ($v: Float) { echo(ratio: $v) }", ["v": 1e300]),
        ("query ($v: String) { echo(value: $v) }", ["v": ["not", "a", "string"]]),
        ("query ($v: Boolean) { echo(flag: $v) }", ["v": "true"]),
        ("{ echo(count: 2147483647, ratio: -1.5e3, flag: false, id: \"x\", value: \"\"\"block\n  text\"\"\") }", nil),
        ("query Q1 { brands { id } } query Q2 { echo }", nil),
        ("mutation M { cancel(id: 1) } query Q { echo }", nil),
    ]
}
