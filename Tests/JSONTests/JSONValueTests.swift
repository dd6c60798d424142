import Testing
import JSON

/// What the stores rely on (MongoDB's relaxed Extended JSON and the search engine's answers): key order, escapes,
/// 64-bit integers, numbers compared as numbers.
@Suite struct JSONValueTests {
    @Test func roundTripKeepsKeyOrderAndEscapes() throws {
        let text = #"{"z":1,"a":[true,false,null],"s":"line\nquote\" back\\ tab\t \u0001","d":1.5,"n":-42,"e":{}}"#
        let value = try JSONReader.parse(text)
        #expect(value.objectValue?.keys == ["z", "a", "s", "d", "n", "e"])
        #expect(value["s"]?.stringValue == "line\nquote\" back\\ tab\t \u{1}")
        #expect(value["a"]?[2] == .null && value["a"]?[3] == nil)
        #expect(try JSONReader.parse(value.jsonString()) == value)
    }

    @Test func surrogatePairsDecode() throws {
        #expect(try JSONReader.parse(#""\uD83D\uDE00 커피""#).stringValue == "😀 커피")
    }

    @Test func rejectsMalformedInput() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "1 2", "{\"a\":1,}"] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONReader.parse(bad) }
        }
    }

    @Test func limitsNesting() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONReader.parse(deep) }
        let limit = JSONReader.maxDepth
        _ = try JSONReader.parse(String(repeating: "[", count: limit) + "1" + String(repeating: "]", count: limit))
        #expect(throws: JSONParseError.self) {
            try JSONReader.parse(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1))
        }
    }

    @Test func numbers() throws {
        #expect(try JSONReader.parse("9007199254740993") == .int(9_007_199_254_740_993))
        #expect(try JSONReader.parse("-1.25e2") == .double(-125))
        #expect(JSONValue.double(3.0).jsonString() == "3")
        #expect(JSONValue.double(.nan).jsonString() == "null")
    }

    /// MongoDB's int64 and PostgreSQL's bigint: the whole 64-bit range stays an exact integer; beyond it, a double.
    @Test func sixtyFourBitIntegers() throws {
        #expect(try JSONReader.parse("9223372036854775807") == .int(Int(Int64.max)))
        #expect(try JSONReader.parse("-9223372036854775808") == .int(Int(Int64.min)))
        #expect(try JSONReader.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONReader.parse("1e400") == .double(.infinity))
        #expect(JSONValue.int(Int(Int64.min)).jsonString() == "-9223372036854775808")
    }

    /// MongoDB may answer a whole double where an int was written: equal values, equal hashes, one dictionary key.
    @Test func numbersCompareAsNumbers() {
        #expect(JSONValue.int(3) == .double(3.0))
        #expect(JSONValue.int(3) != .double(3.5))
        #expect(JSONValue.int(3).hashValue == JSONValue.double(3.0).hashValue)
        #expect(Set<JSONValue>([.int(7), .double(7)]).count == 1)
        #expect(JSONValue.double(42).intValue == 42 && JSONValue.double(0.5).intValue == nil)
    }

    /// A repeated key is an error (I-JSON), at any depth, naming the key and where its second copy starts: which of
    /// two values was meant would be a guess.
    @Test func repeatedKeys() throws {
        #expect { try JSONReader.parse(#"{"a":1,"b":2,"a":3}"#) } throws: { "\($0)" == #"Duplicate key "a" at offset 13"# }
        #expect(throws: JSONParseError.self) { try JSONReader.parse(#"[{"x":{"q":1,"q":1}}]"#) }
        #expect(throws: JSONParseError.self) { try JSONReader.parse(#"{"a":1,"\u0061":2}"#) }
        #expect(try JSONReader.parse(#"{"a":{"a":1},"b":{"a":2}}"#)["b"]?["a"] == .int(2), "the same key in different objects is fine")
    }

    /// Bytes that are not UTF-8 and escapes of lone surrogates are errors (I-JSON), never repaired to U+FFFD; an
    /// escaped surrogate pair is one scalar; an escaped NUL is kept (refusing it is the caller's business); a raw
    /// control character is an error.
    @Test func bytesInStrings() throws {
        for bytes: [UInt8] in [[0x22, 0x61, 0xFF, 0x62, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0x5C, 0x6E, 0xC0, 0xAF, 0x22]] {
            #expect(throws: JSONParseError.self, "\(bytes)") { try JSONReader.parse(bytes) }
        }
        for text in [#""\ud800""#, #""\udc00""#, #""a\ud800b""#, #""\ud800\u0041""#, #""\ud800\ud800""#] {
            #expect { try JSONReader.parse(text) } throws: { "\($0)".hasPrefix("Lone surrogate") }
        }
        #expect(try JSONReader.parse(#""\ud83d\ude00""#).stringValue == "\u{1F600}")
        #expect(try JSONReader.parse(#""a\u0000b""#).stringValue == "a\u{0}b")
        #expect(JSONValue.string("a\u{0}b").jsonString() == #""a\u0000b""#)
        #expect(throws: JSONParseError.self) { try JSONReader.parse([0x22, 0x61, 0x0A, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONReader.parse([0x22, 0x61, 0x00, 0x22]) }
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONParseError.self) { try JSONReader.parse(#"{"a":}"#) }
        do { _ = try JSONReader.parse(#"{"a":}"#) } catch {
            #expect(error.description == "Unexpected token at offset 5")
        }
    }
}
