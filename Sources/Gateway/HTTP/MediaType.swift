import Foundation

/// The response media types of GraphQL over HTTP, chosen from the request's Accept header.
enum ResponseMediaType: String, Sendable {
    /// The spec's own type: request errors get 4xx status codes.
    case graphQLResponse = "application/graphql-response+json"
    /// The legacy type: well-formed requests get 200 whatever their GraphQL errors.
    case json = "application/json"

    var contentType: String { rawValue + "; charset=utf-8" }

    /// The type to answer with, nil when Accept allows neither (406). No Accept header means application/json;
    /// with both acceptable the spec's type wins.
    static func negotiate(_ accept: String?) -> ResponseMediaType? {
        guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return .json }
        let ranges = MediaRange.parse(accept)
        if ranges.contains(where: { $0.type == "application/graphql-response+json" && $0.quality > 0 }) { return .graphQLResponse }
        if ranges.contains(where: { ["application/json", "application/*", "*/*"].contains($0.type) && $0.quality > 0 }) { return .json }
        return nil
    }

    /// Whether the client asked for an event stream (GraphQL over SSE) over JSON.
    static func wantsEventStream(_ accept: String?) -> Bool { prefers("text/event-stream", accept) }

    /// Whether the client asked for HTML over JSON (a browser opening the endpoint: GraphiQL).
    static func prefersHTML(_ accept: String?) -> Bool { prefers("text/html", accept) }

    /// Whether `type` is acceptable and preferred to every JSON type the header also lists.
    private static func prefers(_ type: String, _ accept: String?) -> Bool {
        guard let accept else { return false }
        let ranges = MediaRange.parse(accept)
        guard let wanted = ranges.first(where: { $0.type == type }), wanted.quality > 0 else { return false }
        let json = ranges.filter { $0.type.hasPrefix("application/json") || $0.type.hasPrefix("application/graphql") }
        return json.allSatisfy { $0.quality < wanted.quality }
    }
}

/// One entry of an Accept header: `type/subtype` and its q value.
struct MediaRange {
    let type: String
    let quality: Double

    static func parse(_ header: String) -> [MediaRange] {
        header.split(separator: ",").map { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 1.0
            }
            return MediaRange(type: pieces.first?.lowercased() ?? "", quality: quality)
        }
    }
}

/// The media type of a Content-Type header, without parameters, lowercased.
func mediaTypeEssence(_ contentType: String?) -> String? {
    guard let contentType else { return nil }
    return contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
}

/// The `charset` parameter of a Content-Type header, lowercased and unquoted; nil when there is none.
func mediaTypeCharset(_ contentType: String?) -> String? {
    guard let contentType else { return nil }
    for parameter in contentType.split(separator: ";").dropFirst() {
        let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard pair.count == 2, pair[0].lowercased() == "charset" else { continue }
        return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
    }
    return nil
}
