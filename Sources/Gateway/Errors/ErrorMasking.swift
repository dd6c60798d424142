import Commands
import GraphQLEngine
import Logging
import Stores

/// Gives every error of an execution its `extensions.code` and keeps internal details out of the response: an
/// error nobody coded for (a store failure, an engine invariant) is logged with its details and answered as
/// INTERNAL with a generic message.
enum ErrorMasking {
    static func mask(_ errors: [GraphQLError], logger: Logger) -> [GraphQLError] {
        errors.map { mask($0, logger: logger) }
    }

    static func mask(_ error: GraphQLError, logger: Logger) -> GraphQLError {
        if error.extensions.contains(where: { $0.key == "code" }) { return error }
        var masked = error
        let replacement: GatewayError
        switch error.originalError {
        case let gateway as GatewayError:
            replacement = gateway
        case let command as CommandError:
            replacement = command.gatewayError
            if command.code == .internal || command.code == .unavailable {
                logger.error("command failed", metadata: ["error": "\(command)", "path": "\(error.path ?? [])"])
            }
        case let store as StoreError:
            logger.error("read model unavailable", metadata: ["error": "\(store)", "path": "\(error.path ?? [])"])
            replacement = GatewayError(.internal, "A read model is unavailable; the field could not be resolved.")
        default:
            logger.error("internal error", metadata: ["error": "\(error.originalError.map { "\($0)" } ?? error.message)",
                                                      "path": "\(error.path ?? [])"])
            replacement = GatewayError(.internal, "Internal server error.")
        }
        masked.message = replacement.message
        masked.originalError = nil
        masked.extensions = [ErrorExtensionEntry("code", .string(replacement.code.rawValue))] + replacement.extensions
        return masked
    }
}
