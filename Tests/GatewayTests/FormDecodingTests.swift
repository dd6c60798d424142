import Testing
@testable import Gateway

/// GET parameters as clients encode them: percent escapes (UTF-8), `+` for spaces, `=` inside values, bare names.
@Suite struct FormDecodingTests {
    @Test func decodesWhatClientsSend() {
        #expect(FormDecoding.decode(nil) == [:])
        #expect(FormDecoding.decode("") == [:])
        #expect(FormDecoding.decode("query=%7B%20a%20%7D&variables=%7B%22q%22%3A%22%EC%BB%A4%ED%94%BC%22%7D")
                == ["query": "{ a }", "variables": #"{"q":"커피"}"#])
        #expect(FormDecoding.decode("a=x+y&b=1=2&flag&&c=") == ["a": "x y", "b": "1=2", "flag": "", "c": ""])
        #expect(FormDecoding.decode("a=%zz%4&b=%41") == ["a": "%zz%4", "b": "A"], "a broken escape stays as it is")
        #expect(FormDecoding.decode("a=1&") == ["a": "1"])
    }
}
