/// Hand-written documents, valid and invalid, for the differential tests.
enum LanguageCases {
    static let documents: [String] = [
        // valid executable documents
        "{ a }", "{a b c}", "query { a }", "query Q { a }", "mutation M { like(id: 1) { count } }",
        "subscription S { onEvent { id } }", "query Q($a: Int = 1, $b: [String!]! = [\"x\"]) { f(a: $a, b: $b) }",
        "query Q($v: Int @dir(x: 1)) { a }", "{ alias: field(arg: {a: [1, 2.5, -3e10, \"s\", true, false, null, ENUM, $v]}) }",
        "{ ...F ... on T { a } ... @include(if: true) { b } ... { c } }", "fragment F on T @d { a }",
        "{ a(x: \"\"\"block\n  string\"\"\") }", "{ a(x: \"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\") }",
        "{ a(x: \"\\uD83D\\uDE00\") }", "{ a(x: \"\\u{1F600}\") }", "{ a(x: \"\\u{0}\") }", "{ a(x: \"😀 é ü\") }",
        "# comment\n{ a # trailing\n}", "\u{FEFF}{ a }", "{ a\r\n b\r c }", ",,,{,a,,}", "{ a(x: 0, y: -0, z: 0.0, w: 1E+2, v: 1e-2) }",
        "query ($id: ID!) @live { node(id: $id) { id } }",
        "{ f(longArgumentNumberOne: \"aaaaaaaaaaaaaa\", longArgumentNumberTwo: \"bbbbbbbbbbbbbbbbbbb\", three: 3) }",
        "{ f(a: \"\"\"  leading\"\"\", b: \"\"\"trailing\"\"\"\"\", c: \"\"\"with \\\"\"\" triple\"\"\") }",
        "{ f(a: \"\"\"\n\n    first\n      second\n    third\n\n\"\"\") }", "{ f(a: \"\"\"\"\"\") }", "{ f(a: \"\") }",
        "query on { on }", "{ fragment }", "{ a(on: on) }", "query Q { ...on }", "{ ...on T { a } }",
        // valid type-system documents
        "type Query { a: String }", "\"desc\" type Query { \"field desc\" a(\"arg desc\" x: Int = 1 @d): String @deprecated(reason: \"no\") }",
        "\"\"\"\nBlock description\n\"\"\"\nscalar Date @specifiedBy(url: \"https://example.com\")",
        "interface A implements B & C { a: Int }", "type T implements & A & B { a: Int }", "union U = | A | B", "union U @d = A",
        "enum E { A B @deprecated C }", "input I @oneOf { a: Int b: String = \"x\" }",
        "directive @d(a: Int) repeatable on FIELD | QUERY", "directive @d on | FIELD_DEFINITION | ENUM_VALUE",
        "schema @d { query: Q mutation: M subscription: S }", "\"desc\" schema { query: Q }",
        "extend schema @d", "extend schema { mutation: M }", "extend scalar S @d", "extend type T implements I",
        "extend type T @d", "extend type T { b: Int }", "extend interface I { b: Int }", "extend interface I implements J",
        "extend union U = C", "extend union U @d", "extend enum E { D }", "extend enum E @d", "extend input I { c: Int }",
        "extend input I @d", "type T", "interface I", "union U", "enum E", "input I", "type T { f(a: Int, b: [Int!]! = [1]): [[T!]]! }",
        "type T { f(\n\"desc\"\na: Int): Int }", "directive @d(\"desc\" a: Int) on FIELD",
        // invalid: lexer
        "{ a ? }", "{ a(x: \"unterminated) }", "{ a(x: \"line\nbreak\") }", "{ a(x: \"\\x\") }", "{ a(x: \"\\u12\") }",
        "{ a(x: \"\\uD83D\") }", "{ a(x: \"\\uD83D\\u0041\") }", "{ a(x: \"\\uDE00\") }", "{ a(x: \"\\u{110000}\") }",
        "{ a(x: \"\\u{}\") }", "{ a(x: \"\\u{D800}\") }", "{ a(x: \"\\u{1F60\") }", "{ a(x: \"\\",
        "{ a(x: 'single') }", "{ a(x: 01) }", "{ a(x: 1.) }", "{ a(x: 1.e1) }", "{ a(x: 1e) }", "{ a(x: 1x) }", "{ a(x: 1.2.3) }",
        "{ a(x: -) }", "{ a(x: -a) }", "{ a(x: 0x1) }", "{ a(x: 1_000) }", "{ a(x: \"\"\"unterminated) }", "{ a . b }", "{ a .. b }",
        "{ a \u{0007} }", "{ a é }", "{ a 😀 }", "{ a \u{00A0} }", "{ a(x: 1e+) }", "{ a(x: 0.) }", "{ a(x: 00) }", "-",
        // invalid: parser
        "", " ", "# only a comment", "{", "}", "{ }", "{ a", "{ a(x: 1 }", "{ a(x) }", "{ a(: 1) }", "{ a() }", "{ a { } }",
        "query", "query Q", "query Q(", "query Q($a) { a }", "query Q($a: ) { a }", "query Q(a: Int) { a }",
        "query Q($a: Int = $b) { a }", "query Q($a: Int = [1, $b]) { a }", "query Q($a: Int = {x: $b}) { a }",
        "query Q($a: Int = $) { a }", "query Q($a: [Int) { a }", "query Q($a: Int!!) { a }", "nonsense { a }",
        "fragment on on T { a }", "fragment F { a }", "fragment F on { a }", "fragment F on T", "{ ...on }",
        "{ ... on T }", "{ ... }", "{ a @ }", "{ a @d( }", "{ a: }", "{ a: b: c }", "{ a(x: [1, 2) }",
        "{ a(x: {b 1}) }", "{ a(x: {b: }) }", "\"desc\" query { a }", "\"desc\" { a }", "\"desc\" fragment F on T { a }",
        "\"desc\" extend type T @d", "extend", "extend type", "extend type T", "extend scalar S", "extend schema",
        "extend union U", "extend enum E", "extend input I", "extend interface I", "extend foo T", "extend \"x\"",
        "type", "type T {", "type T { }", "type T { a }", "type T { a: }", "type T implements { a: Int }",
        "type T implements A & { a: Int }", "type T { a(x): Int }", "type T { a(): Int }", "enum E { true }",
        "enum E { false }", "enum E { null }", "enum E { }", "enum E { A: Int }", "union U =", "union U = A |",
        "union U = A | | B", "input I { a }", "input I { a: Int = $v }", "directive d on FIELD", "directive @d",
        "directive @d on", "directive @d on FOO", "directive @d on FIELD |", "directive @d repeatable FIELD",
        "schema", "schema { }", "schema { query }", "schema { query: }", "schema { foo: Bar }", "scalar",
        "scalar S @", "type T @d(x: $v) { a: Int }", "{ a } }", "{ a } query", "{ a } \"str\"", "{ a } 1",
        "query Q { a } fragment", "{ a(x: \"\"\"\\\"\"\"\"\"\") }", "{ a(x: true, y: false, z: null, w: nullish) }",
    ]

    static let values: [String] = [
        "1", "-1.5e3", "\"str\"", "\"\"\"block\"\"\"", "true", "null", "ENUM", "$var", "[1, [2, [3]]]", "{a: {b: [c]}}",
        "[", "{a}", "", "1 2", "$", "[1,]", "{a: 1,}", "\"\\u{1F600}\"",
    ]

    static let types: [String] = [
        "String", "String!", "[String]", "[String!]!", "[[Int]!]", "", "[String", "String!!", "!", "[]", "1", "String Int",
    ]
}
