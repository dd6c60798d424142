import Testing
@testable import Stores

@Suite struct JSONValueTests {
    @Test func roundTripKeepsKeyOrderAndEscapes() throws {
        let text = #"{"z":1,"a":[true,false,null],"s":"line\nquote\" back\\ tab\t \u0001","d":1.5,"n":-42,"e":{}}"#
        let value = try JSONValue.parse(text)
        #expect(value.objectValue?.map(\.0) == ["z", "a", "s", "d", "n", "e"])
        #expect(value["s"]?.stringValue == "line\nquote\" back\\ tab\t \u{1}")
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func surrogatePairsDecode() throws {
        #expect(try JSONValue.parse(#""\uD83D\uDE00 커피""#).stringValue == "😀 커피")
    }

    @Test func rejectsMalformedInput() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "1 2", "{\"a\":1,}"] {
            #expect(throws: JSONValue.ParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func numbers() throws {
        #expect(try JSONValue.parse("9007199254740993") == .int(9_007_199_254_740_993))
        #expect(try JSONValue.parse("-1.25e2") == .double(-125))
        #expect(JSONValue.double(3.0).serialized() == "3")
        #expect(JSONValue.double(.nan).serialized() == "null")
    }
}
