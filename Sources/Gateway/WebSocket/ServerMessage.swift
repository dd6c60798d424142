import JSON

/// A message the gateway sends on a graphql-transport-ws socket (PROTOCOL.md, "Message types").
enum ServerMessage: Sendable {
    case connectionAck
    case pong(payload: JSONObject?)
    /// One result: `body` is the encoded GraphQL response, sent as it is.
    case next(id: String, body: [UInt8])
    /// The operation's errors; no `complete` follows.
    case error(id: String, errors: [JSONValue])
    case complete(id: String)

    /// The message as the text of one frame.
    var text: String {
        var writer = JSONWriter()
        switch self {
        case .connectionAck:
            writer.raw(#"{"type":"connection_ack"}"#)
        case .pong(let payload):
            writer.raw(#"{"type":"pong""#)
            if let payload {
                writer.raw(#","payload":"#)
                writer.write(.object(payload))
            }
            writer.raw("}")
        case .next(let id, let body):
            Self.open(&writer, id: id, type: "next")
            writer.raw(#","payload":"#)
            writer.bytes += body
            writer.raw("}")
        case .error(let id, let errors):
            Self.open(&writer, id: id, type: "error")
            writer.raw(#","payload":"#)
            writer.write(.array(errors))
            writer.raw("}")
        case .complete(let id):
            Self.open(&writer, id: id, type: "complete")
            writer.raw("}")
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// `{"id":<id>,"type":"<type>"` (the protocol's field order), left open for a payload.
    private static func open(_ writer: inout JSONWriter, id: String, type: StaticString) {
        writer.raw(#"{"id":"#)
        writer.writeString(id)
        writer.raw(#","type":""#)
        writer.raw(type)
        writer.raw(#"""#)
    }
}
