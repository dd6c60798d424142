import Benchmark
import GraphQL
import GraphQLEngine

/// Validation with every specified rule, ours beside GraphQLSwift's (which lacks OverlappingFieldsCanBeMerged and
/// SingleFieldSubscriptions, so it does less work): the kitchen-sink query against a schema written to fit it, and
/// a 100-field marketplace query. Documents are parsed once, outside the measured loop. Then our
/// validated-document cache on a hit, and the hostile documents (ours only, through the cache's uncached path).
func registerValidationBenchmarks() {
    let kitchenSink = Corpus.read("kitchen-sink.graphql")
    guard let oursKitchenSchema = try? GraphQLEngine.buildSchema(ValidationData.kitchenSinkSDL),
          let peerKitchenSchema = try? GraphQL.buildSchema(source: ValidationData.kitchenSinkSDL),
          let oursKitchen = try? GraphQLEngine.parse(kitchenSink),
          let peerKitchen = try? GraphQL.parse(source: kitchenSink),
          let oursMarketSchema = try? GraphQLEngine.buildSchema(MarketplaceData.sdl),
          let peerMarketSchema = try? GraphQL.buildSchema(source: MarketplaceData.sdl),
          let oursMarket = try? GraphQLEngine.parse(ValidationData.hundredFieldQuery),
          let peerMarket = try? GraphQL.parse(source: ValidationData.hundredFieldQuery)
    else { preconditionFailure("validation benchmark inputs") }

    Benchmark("validate kitchen sink (GraphQLEngine)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(GraphQLEngine.validate(schema: oursKitchenSchema, document: oursKitchen))
        }
    }
    Benchmark("validate kitchen sink (GraphQLSwift)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(GraphQL.validate(schema: peerKitchenSchema, ast: peerKitchen))
        }
    }
    Benchmark("validate 100-field marketplace query (GraphQLEngine)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(GraphQLEngine.validate(schema: oursMarketSchema, document: oursMarket))
        }
    }
    Benchmark("validate 100-field marketplace query (GraphQLSwift)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(GraphQL.validate(schema: peerMarketSchema, ast: peerMarket))
        }
    }

    let cache = ValidatedDocumentCache(schema: oursMarketSchema, capacity: 1_000)
    _ = cache.validated(ValidationData.hundredFieldQuery)
    Benchmark("validate 100-field marketplace query, cached (GraphQLEngine)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(cache.validated(ValidationData.hundredFieldQuery))
        }
    }

    guard let hostileSchema = try? GraphQLEngine.buildSchema(ValidationData.hostileSDL) else { preconditionFailure("hostile schema") }
    let limits = QueryLimits(maxTokens: 5_000, maxDepth: 12, maxAliases: 30, maxRootFields: 20, maxCost: 20_000)
    for (name, text) in ValidationData.hostileDocuments {
        let unlimited = ValidatedDocumentCache(schema: hostileSchema, limits: .none)
        let limited = ValidatedDocumentCache(schema: hostileSchema, limits: limits)
        Benchmark("hostile \(name), parse + validate (GraphQLEngine)", configuration: .init(maxDuration: .seconds(2), maxIterations: 2_000)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(unlimited.validateUncached(text)) }
        }
        Benchmark("hostile \(name), parse + validate with gateway limits (GraphQLEngine)", configuration: .init(maxDuration: .seconds(2), maxIterations: 2_000)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(limited.validateUncached(text)) }
        }
    }
}

enum ValidationData {
    /// A schema for graphql-js's kitchen-sink query: every field, argument, type and directive it names exists.
    /// The query still has 8 errors no schema removes (two anonymous operations, `@skip(unless:)`, undefined `$size`
    /// and `$b`, `$foo` used as both an input object and a Boolean): both engines report them.
    static let kitchenSinkSDL = """
        schema { query: Query mutation: Mutation subscription: Subscription }
        directive @onQuery on QUERY
        directive @onMutation on MUTATION
        directive @onSubscription on SUBSCRIPTION
        directive @onField on FIELD
        directive @onFragmentDefinition on FRAGMENT_DEFINITION
        directive @onFragmentSpread on FRAGMENT_SPREAD
        directive @onInlineFragment on INLINE_FRAGMENT
        directive @onVariableDefinition on VARIABLE_DEFINITION
        enum Site { DESKTOP MOBILE }
        input ComplexType { id: ID }
        input StoryLikeSubscribeInput { storyId: ID }
        input FooObject { key: String block: String }
        interface Node { id: ID }
        type User implements Node { id: ID field2: Field2 }
        type Field2 { id: ID field1(first: Int, after: ComplexType): Friend }
        type Friend { id: ID foo(size: Int, bar: Int, obj: FooObject): String }
        type Query { node(id: [Int]): Node unnamed(truthy: Boolean, falsy: Boolean, nullish: String): String query: String }
        type Story { id: ID likers: Likers likeSentence: Sentence }
        type Likers { count: Int }
        type Sentence { text: String }
        type LikePayload { story: Story }
        type Mutation { like(story: Int): LikePayload }
        type Subscription { storyLikeSubscribe(input: StoryLikeSubscribeInput): LikePayload }
        """

    /// 100 selected fields over the marketplace schema: five aliased listings of 18 fields, one of 10.
    static let hundredFieldQuery: String = {
        let full = "id title price faceValue discountRate status onSale expiresAt brand { id name logo } seller { id nickname rating verified }"
        let blocks = (0..<5).map { "l\($0): listings(first: 20) { \(full) }" }
        return "query Hundred { " + blocks.joined(separator: " ") + " l5: listings { id title price faceValue discountRate status onSale brand { id } } }"
    }()

    /// A recursive schema for the hostile documents.
    static let hostileSDL = """
        type Query { gifticons(first: Int): [Gifticon!]! gifticon(id: ID!): Gifticon }
        type Gifticon { id: ID! title: String! brand: Brand related(first: Int): [Gifticon!]! }
        type Brand { id: ID! name: String! }
        """

    /// Documents built to be slow (the test suite's HostileDocumentTests has the same shapes).
    static let hostileDocuments: [(String, String)] = [
        ("1,000 spreads of one fragment",
         "{ gifticons { " + String(repeating: "...F ", count: 1_000) + "} }"
            + " fragment F on Gifticon { id title brand { id name } related { id title } }"),
        ("200-deep nesting",
         "{ gifticons { " + String(repeating: "related { ", count: 200) + "id" + String(repeating: " }", count: 202)),
        ("1,000 distinct aliases", "{ " + (0..<1_000).map { "a\($0): gifticon(id: \($0)) { id title }" }.joined(separator: " ") + " }"),
        ("1,000 equal aliases", "{ " + String(repeating: "x: gifticon(id: 1) { id title } ", count: 1_000) + "}"),
        ("400 equal fields in one selection", "{ gifticons { " + String(repeating: "brand { id name } ", count: 400) + "} }"),
    ]
}
