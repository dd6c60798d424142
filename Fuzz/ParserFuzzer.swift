// libFuzzer entry point for the lexer and parser: any bytes must end in a document or a GraphQLError.
// Build and run with ./run-parser-fuzzer.sh (compiled together with Language/ and Error/ as one module).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let options = ParseOptions(maxTokens: 100_000)
    if let document = try? parse(text, options: options) {
        // Printing and re-parsing must give the same tree.
        let printed = print(document)
        let again = try? parse(printed, options: ParseOptions(noLocation: true, maxTokens: 1_000_000, maxDepth: 100_000))
        let plain = try? parse(text, options: ParseOptions(noLocation: true, maxTokens: 100_000))
        if again != plain { fatalError("print/parse round trip differs for: \(text)\nprinted: \(printed)") }
    }
    _ = try? parseValue(text, options: options)
    _ = try? parseType(text, options: options)
    return 0
}
