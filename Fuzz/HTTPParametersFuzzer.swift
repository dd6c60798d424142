// libFuzzer entry point for the gateway's request-parameter reading (Sources/Gateway/HTTP): FormDecoding (a GET's
// URL query), GraphQLParameters.fromQueryParameters and GraphQLParameters.fromBody with the request's Content-Type
// (mediaTypeEssence), compiled from those files alone: the Hummingbird glue that calls them
// (GatewayServer.graphQLRequest) is not part of the build.
//
// Input: a first line, then the rest. A first line of "GET" makes the rest a URL query; any other first line is
// the Content-Type header (an empty one: no header) and the rest is a POST body.
//
// Properties: no crash, no hang; the URL query round trip (decode, percent-encode every pair, decode again: the
// same pairs); and a body that reads as parameters reads the same after its parameters are written back as JSON.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParameters(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let firstLine = String(decoding: bytes[..<newline], as: UTF8.self)
    let rest = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []

    if firstLine == "GET" {
        let query = String(decoding: rest, as: UTF8.self)
        let pairs = FormDecoding.decode(query)
        let again = FormDecoding.decode(encodeForm(pairs))
        if again != pairs { fatalError("form round trip differs for \(query): \(pairs) vs \(again)") }
        if let parameters = try? GraphQLParameters.fromQueryParameters(pairs) {
            checkRoundTrip(parameters, input: query)
        }
    } else {
        let contentType: String? = firstLine.isEmpty ? nil : firstLine
        _ = mediaTypeEssence(contentType)
        if let parameters = try? GraphQLParameters.fromBody(rest, contentType: contentType),
           mediaTypeEssence(contentType) == "application/json" {
            checkRoundTrip(parameters, input: String(decoding: rest, as: UTF8.self))
        }
    }
    return 0
}

/// Writes the parameters back as a JSON body and reads them again: the same query, operation name, variables and
/// extensions.
func checkRoundTrip(_ parameters: GraphQLParameters, input: String) {
    var object = JSONObject()
    if let query = parameters.query { object["query"] = .string(query) }
    if let name = parameters.operationName { object["operationName"] = .string(name) }
    if let variables = parameters.variables { object["variables"] = .object(variables) }
    if let extensions = parameters.extensions { object["extensions"] = .object(extensions) }
    let body = JSONValue.object(object).jsonBytes()
    guard let again = try? GraphQLParameters.fromBody(body, contentType: "application/json") else {
        fatalError("parameters written back as JSON do not read again: \(String(decoding: body, as: UTF8.self)) from \(input)")
    }
    let same = again.query == parameters.query && again.operationName == parameters.operationName
        && (again.variables.map { JSONValue.object($0) } == parameters.variables.map { JSONValue.object($0) } || nonFinite(parameters.variables))
        && (again.extensions.map { JSONValue.object($0) } == parameters.extensions.map { JSONValue.object($0) } || nonFinite(parameters.extensions))
    if !same { fatalError("parameters differ after a JSON round trip: \(input)") }
}

/// Infinity (a number past Double's range, 1e400) is written as null: the known difference of JSONFuzzer.swift.
func nonFinite(_ object: JSONObject?) -> Bool {
    func walk(_ value: JSONValue) -> Bool {
        switch value {
        case .double(let d): return !d.isFinite
        case .array(let items): return items.contains(where: walk)
        case .object(let object): return object.values.contains(where: walk)
        default: return false
        }
    }
    return object.map { walk(.object($0)) } ?? false
}

/// `application/x-www-form-urlencoded` as a client writes it: every byte but unreserved ones percent-encoded.
func encodeForm(_ pairs: [String: String]) -> String {
    func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
    return pairs.map { escape($0.key) + "=" + escape($0.value) }.joined(separator: "&")
}
