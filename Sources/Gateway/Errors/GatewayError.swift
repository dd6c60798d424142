import GraphQLEngine

/// An error a resolver throws on purpose: its message is for the client, its code goes to `extensions.code`.
struct GatewayError: Error, Sendable, CustomStringConvertible {
    var code: GatewayErrorCode
    var message: String
    /// Extra extensions, e.g. the input field at fault.
    var extensions: [ErrorExtensionEntry] = []

    init(_ code: GatewayErrorCode, _ message: String, extensions: [ErrorExtensionEntry] = []) {
        self.code = code
        self.message = message
        self.extensions = extensions
    }

    var description: String { message }

    static func badInput(_ message: String, field: String? = nil) -> GatewayError {
        GatewayError(.badUserInput, message, extensions: field.map { [ErrorExtensionEntry("field", .string($0))] } ?? [])
    }

    /// The GraphQL error the executor reports for it.
    var graphQLError: GraphQLError {
        GraphQLError(message, extensions: [ErrorExtensionEntry("code", .string(code.rawValue))] + extensions)
    }
}
