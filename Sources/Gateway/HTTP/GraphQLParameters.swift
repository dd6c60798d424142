import GraphQLEngine
import JSON

/// The GraphQL-over-HTTP request parameters: from a JSON body, an application/graphql body or the URL's query.
struct GraphQLParameters: Sendable {
    var query: String?
    var operationName: String?
    var variables: JSONObject?
    var extensions: JSONObject?

    /// A request that is not well-formed GraphQL over HTTP: answered 400 (415 for the content type).
    struct Malformed: Error {
        var status = 400
        var message: String
    }

    /// A body is UTF-8 (the only charset GraphQL over HTTP and JSON allow): another declared charset is 415 rather
    /// than text decoded wrongly, and bytes that are not UTF-8 (or JSON with a lone surrogate escape or a key twice)
    /// are 400 rather than text silently repaired or a value silently overwritten.
    static func fromBody(_ body: [UInt8], contentType: String?) throws(Malformed) -> GraphQLParameters {
        if let charset = mediaTypeCharset(contentType), charset != "utf-8", charset != "utf8" {
            throw Malformed(status: 415, message: "Content-Type charset \(charset) is not supported; send UTF-8 (charset=utf-8).")
        }
        switch mediaTypeEssence(contentType) {
        case "application/json"?:
            let value: JSONValue
            do { value = try JSONReader.parse(body) } catch {
                throw Malformed(message: "The request body is not valid JSON: \(error.description).")
            }
            guard case .object(let object) = value else { throw Malformed(message: "The request body must be a JSON object.") }
            return try fromObject(object)
        case "application/graphql"?:
            guard let text = String(validating: body, as: UTF8.self) else { throw Malformed(message: "The request body is not valid UTF-8.") }
            return GraphQLParameters(query: text)
        case nil:
            throw Malformed(status: 415, message: "A POST needs Content-Type: application/json.")
        case let other?:
            throw Malformed(status: 415, message: "Content-Type \(other) is not supported; send application/json.")
        }
    }

    static func fromObject(_ object: JSONObject) throws(Malformed) -> GraphQLParameters {
        var p = GraphQLParameters()
        switch object["query"] {
        case .string(let q)?: p.query = q
        case .null?, nil: break
        default: throw Malformed(message: "\"query\" must be a string.")
        }
        switch object["operationName"] {
        case .string(let name)?: p.operationName = name
        case .null?, nil: break
        default: throw Malformed(message: "\"operationName\" must be a string.")
        }
        switch object["variables"] {
        case .object(let v)?: p.variables = v
        case .null?, nil: break
        default: throw Malformed(message: "\"variables\" must be an object.")
        }
        switch object["extensions"] {
        case .object(let e)?: p.extensions = e
        case .null?, nil: break
        default: throw Malformed(message: "\"extensions\" must be an object.")
        }
        return p
    }

    /// GET: `query`, `operationName`, and `variables` and `extensions` as JSON text.
    static func fromQueryParameters(_ parameters: [String: String]) throws(Malformed) -> GraphQLParameters {
        var p = GraphQLParameters(query: parameters["query"], operationName: parameters["operationName"].flatMap { $0.isEmpty ? nil : $0 })
        for (name, keyPath) in [("variables", \GraphQLParameters.variables), ("extensions", \GraphQLParameters.extensions)] {
            guard let text = parameters[name], !text.isEmpty else { continue }
            guard let value = try? JSONReader.parse(text) else { throw Malformed(message: "\"\(name)\" is not valid JSON.") }
            switch value {
            case .object(let o): p[keyPath: keyPath] = o
            case .null: break
            default: throw Malformed(message: "\"\(name)\" must be a JSON object.")
            }
        }
        return p
    }
}
