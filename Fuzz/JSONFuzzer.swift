// libFuzzer entry point for the JSON reader and writer (Sources/JSON), which decode every POST body and every GET's
// `variables`/`extensions`: any bytes must end in a value or a JSONParseError, and a value must survive
// encode -> decode unchanged (JSONValue's equality: 1 and 1.0 are the same number).
// Build and run with ./run-http-fuzzers.sh (Sources/JSON is compiled as the module JSON beside this file).
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONReader.parse(bytes) else { return 0 }
    let encoded = value.jsonBytes()
    let again: JSONValue
    do { again = try JSONReader.parse(encoded) } catch {
        fatalError("the writer's output does not parse (\(error)): \(String(decoding: encoded, as: UTF8.self))")
    }
    if again != value, !involvesNonFinite(value) {
        fatalError("encode/decode round trip differs:\ninput:   \(String(decoding: bytes, as: UTF8.self))\nencoded: \(String(decoding: encoded, as: UTF8.self))")
    }
    // The writer's output is a fixed point: encoding the decoded value again gives the same bytes.
    if again.jsonBytes() != encoded { fatalError("encoding is not stable: \(String(decoding: encoded, as: UTF8.self))") }
    return 0
}

/// Numbers past Double's range (1e400) read as infinity, which the writer writes as `null` (as JSON.stringify
/// does): a known difference, reported in Fuzz/README.md, not a crash.
func involvesNonFinite(_ value: JSONValue) -> Bool {
    switch value {
    case .double(let d): return !d.isFinite
    case .array(let items): return items.contains(where: involvesNonFinite)
    case .object(let object): return object.values.contains(where: involvesNonFinite)
    default: return false
    }
}
