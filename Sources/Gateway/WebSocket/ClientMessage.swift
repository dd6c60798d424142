import JSON

/// A message a graphql-transport-ws client sends (PROTOCOL.md, "Message types"), read from one text frame.
enum ClientMessage: Sendable, Equatable {
    case connectionInit(payload: JSONObject?)
    case ping(payload: JSONObject?)
    case pong(payload: JSONObject?)
    case subscribe(id: String, payload: JSONObject)
    case complete(id: String)

    /// Ids longer than this are refused (4400): a running operation keeps its id, and a socket runs up to
    /// `GATEWAY_WS_MAX_OPERATIONS_PER_CONNECTION` of them.
    static let maxIDBytes = 256

    /// The message in `text`, or the 4400 close naming what is wrong with it.
    static func parse(_ text: String) throws(SocketClose) -> ClientMessage {
        let value: JSONValue
        do { value = try JSONReader.parse(text) } catch { throw .badRequest("Invalid message: not JSON (\(error.message))") }
        guard case .object(let message) = value else { throw .badRequest("Invalid message: not a JSON object") }
        guard case .string(let type)? = message["type"] else { throw .badRequest("Invalid message: \"type\" must be a string") }
        switch type {
        case "connection_init": return .connectionInit(payload: try optionalPayload(message, type))
        case "ping": return .ping(payload: try optionalPayload(message, type))
        case "pong": return .pong(payload: try optionalPayload(message, type))
        case "subscribe":
            let id = try self.id(message, type)
            guard case .object(let payload)? = message["payload"] else {
                throw .badRequest("Invalid message: \"subscribe\" needs a \"payload\" object")
            }
            return .subscribe(id: id, payload: payload)
        case "complete": return .complete(id: try self.id(message, type))
        default: throw .badRequest("Invalid message: unknown type \"\(type.prefix(32))\"")
        }
    }

    private static func id(_ message: JSONObject, _ type: String) throws(SocketClose) -> String {
        guard case .string(let id)? = message["id"], !id.isEmpty else {
            throw .badRequest("Invalid message: \"\(type)\" needs a non-empty string \"id\"")
        }
        guard id.utf8.count <= maxIDBytes else { throw .badRequest("Invalid message: \"id\" is longer than \(maxIDBytes) bytes") }
        return id
    }

    /// `connection_init`, `ping` and `pong` may carry an object, null or nothing.
    private static func optionalPayload(_ message: JSONObject, _ type: String) throws(SocketClose) -> JSONObject? {
        switch message["payload"] {
        case .object(let payload)?: return payload
        case .null?, nil: return nil
        default: throw .badRequest("Invalid message: the \"\(type)\" payload must be an object")
        }
    }
}
