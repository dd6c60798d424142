/// Documents of our own against the marketplace test schema, valid and invalid, each rule hit several times;
/// graphql-core computes the expected errors live.
enum MarketplaceValidationCases {
    static let valid: [String] = [
        "{ gifticons { id title brand { name } } }",
        "query Q($f: ListingFilter, $n: Int = 5) { gifticons(filter: $f, first: $n) { id } }",
        "{ search(text: \"x\") { __typename ... on Gifticon { id title } ... on Brand { name } ...S } } fragment S on Seller { nickname }",
        "{ node(id: \"1\") { id ... on Gifticon { price } } }",
        "query ($id: ID!) { a: gifticon(id: $id) { id } b: gifticon(id: $id) { id } }",
        "{ lookup(by: { id: \"1\" }) { id } }",
        "query ($t: String!) { lookup(by: { title: $t }) { id } }",
        "{ gifticons @include(if: true) { id @skip(if: false) } }",
        "mutation { buy(id: \"1\") { id status } }",
        "{ echo(list: 1, matrix: [[1, 2]], category: COFFEE, filter: { statuses: ON_SALE, price: { min: 1 } }) }",
        "fragment F on Gifticon { id ...G } fragment G on Gifticon { title } { gifticons { ...F } }",
        "{ gifticons { related(first: 2) { related { id } } } }",
        "{ __schema { types { name fields { name } } } __type(name: \"Gifticon\") { name } }",
        "query ($b: Boolean = true) { gifticons { id @include(if: $b) } }",
        "{ gifticons { ... { id } ... on Node { id } } }",
    ]

    static let invalid: [String] = [
        // ExecutableDefinitions
        "{ brands { id } } type Extra { a: Int }",
        "{ brands { id } } extend type Brand { extra: Int } schema { query: Query }",
        // UniqueOperationNames / LoneAnonymousOperation
        "query A { brands { id } } query A { brands { name } }",
        "mutation A { cancel(id: 1) } query A { brands { id } }",
        "{ brands { id } } { brands { name } }",
        "{ brands { id } } query B { brands { id } }",
        // KnownTypeNames
        "query ($x: Listing) { brands { id } }",
        "{ gifticons { ... on Gift { id } } }",
        "fragment F on Brnd { id } { brands { ...F } }",
        // FragmentsOnCompositeTypes
        "{ gifticons { ... on String { length } } }",
        "fragment F on Status { x } { gifticons { id ...F } }",
        "fragment F on PriceRange { min } { brands { ...F } }",
        // VariablesAreInputTypes
        "query ($g: Gifticon) { brands { id } }",
        "query ($r: [SearchResult!]) { brands { id } }",
        "query ($n: Node!) { brands { id } }",
        // ScalarLeafs
        "{ gifticons }",
        "{ gifticons { brand } }",
        "{ gifticons { id { x } } }",
        "{ echo { x } }",
        // FieldsOnCorrectType
        "{ gifticon(id: 1) { titel } }",
        "{ search(text: \"\") { id } }",
        "{ node(id: 1) { price } }",
        "{ brands { nme } }",
        "mutation { buy(id: 1) { id } refund(id: 1) }",
        // UniqueFragmentNames / KnownFragmentNames / NoUnusedFragments
        "fragment F on Brand { id } fragment F on Brand { name } { brands { ...F } }",
        "{ brands { ...Missing } }",
        "{ brands { id } } fragment Unused on Brand { name }",
        "{ gifticons { ...G } } fragment G on Gifticon { id } fragment H on Brand { id } fragment I on Seller { id }",
        // PossibleFragmentSpreads
        "{ brands { ... on Gifticon { id } } }",
        "fragment S on Seller { id } { brands { ...S } }",
        "{ gifticon(id: 1) { ... on Brand { id } } }",
        "fragment B on Brand { id } { gifticon(id: 1) { ...B } }",
        // NoFragmentCycles
        "fragment A on Brand { ...B } fragment B on Brand { ...A } { brands { ...A } }",
        "fragment A on Brand { id ...A } { brands { ...A } }",
        "fragment A on Gifticon { brand { id } related { ...B } } fragment B on Gifticon { ...C } fragment C on Gifticon { ...A } { gifticons { ...A } }",
        // UniqueVariableNames / NoUndefinedVariables / NoUnusedVariables
        "query ($a: Int, $a: Int) { echo(count: $a) }",
        "query { echo(count: $undefined) }",
        "query Q($a: Int) { echo(count: $a, ratio: $b) }",
        "query Q($unused: Int, $used: String) { echo(value: $used) }",
        "query Q($x: String) { ...F } fragment F on Query { echo(value: $x, id: $y) }",
        // KnownDirectives / UniqueDirectivesPerLocation
        "{ brands @unknown { id } }",
        "query @skip(if: true) { brands { id } }",
        "{ brands { id @include(if: true) @include(if: false) } }",
        "fragment F on Brand @deprecated { id } { brands { ...F } }",
        "query ($v: Int @skip(if: true)) { echo(count: $v) }",
        // KnownArgumentNames / UniqueArgumentNames
        "{ gifticon(ident: 1) { id } }",
        "{ gifticons(frist: 2) { id } }",
        "{ brands { id @skip(iff: true) } }",
        "{ gifticon(id: 1, id: 2) { id } }",
        "{ echo(value: \"a\", value: \"b\", count: 1, count: 2) }",
        // ValuesOfCorrectType
        "{ echo(count: \"one\") }",
        "{ echo(ratio: true) }",
        "{ echo(flag: 1) }",
        "{ echo(category: \"COFFEE\") }",
        "{ echo(category: COFFE) }",
        "{ echo(count: 12345678901234) }",
        "{ echo(filter: { category: COFFEE, nope: 1 }) }",
        "{ echo(filter: { price: { min: \"0\" } }) }",
        "{ echo(matrix: [[1, null]]) }",
        "{ echo(id: 1.5) }",
        "{ echo(list: [1, \"2\"]) }",
        "query ($v: Int = \"x\") { echo(count: $v) }",
        // @oneOf input objects
        "{ lookup(by: { id: \"1\", title: \"x\" }) { id } }",
        "{ lookup(by: {}) { id } }",
        "{ lookup(by: { id: null }) { id } }",
        "query ($t: String) { lookup(by: { title: $t }) { id } }",
        // ProvidedRequiredArguments
        "{ gifticon { id } }",
        "{ search { __typename } }",
        "{ brands { id @include } }",
        "mutation { buy { id } }",
        // VariablesInAllowedPosition
        "query ($id: ID) { gifticon(id: $id) { id } }",
        "query ($n: String) { echo(count: $n) }",
        "query ($l: [Int]) { echo(matrix: $l) }",
        "query ($b: Boolean) { brands { id @skip(if: $b) } }",
        "query ($s: Status) { echo(category: $s) }",
        // OverlappingFieldsCanBeMerged
        "{ brands { x: id x: name } }",
        "{ gifticon(id: 1) { id } gifticon(id: 2) { id } }",
        "{ gifticons { brand { id } brand { id: name } } }",
        "{ search(text: \"\") { ... on Gifticon { price } ... on Brand { price: name } } }",
        "{ gifticons { related(first: 1) { id } related(first: 2) { id } } }",
        "{ node(id: 1) { ... on Gifticon { tags } ... on Brand { tags: id } } }",
        "fragment A on Brand { v: id } fragment B on Brand { v: name } { brands { ...A ...B } }",
        // UniqueInputFieldNames
        "{ echo(filter: { text: \"a\", text: \"b\" }) }",
        "{ echo(filter: { price: { min: 1, min: 2 } }) }",
        // MaxIntrospectionDepth
        "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
        "{ __type(name: \"Gifticon\") { interfaces { possibleTypes { interfaces { name } } } } }",
        "{ __schema { types { ...T } } } fragment T on __Type { inputFields { type { inputFields { type { inputFields { name } } } } } }",
        // several rules at once
        "query Q($a: Int, $a: String) { gifticon { titel ...Nope } brands @skip { x: id x: name } }",
        "query ($v: ListingFilter = { nope: 1 }) { gifticons(filter: $v, first: \"2\") { id brand } }",
    ]
}
