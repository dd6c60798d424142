import Commands
import GraphQLEngine

extension CommandError {
    /// The command side's error as the client sees it: its message and field are meant for callers, but an
    /// unforeseen failure keeps its details for the log.
    var gatewayError: GatewayError {
        var extensions: [ErrorExtensionEntry] = []
        if let field { extensions.append(ErrorExtensionEntry("field", .string(field))) }
        switch code {
        case .notFound: return GatewayError(.notFound, message, extensions: extensions)
        case .forbidden: return GatewayError(.forbidden, message, extensions: extensions)
        case .conflict: return GatewayError(.conflict, message, extensions: extensions)
        case .invalidArgument: return GatewayError(.badUserInput, message, extensions: extensions)
        case .unavailable:
            return GatewayError(.internal, "The command database is unavailable; retry with the same Idempotency-Key.",
                                extensions: [ErrorExtensionEntry("retryable", .bool(true))])
        case .internal: return GatewayError(.internal, "Internal server error.")
        }
    }
}
