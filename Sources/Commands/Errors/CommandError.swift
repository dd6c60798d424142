/// What went wrong with a command, in the caller's terms: a code the gateway maps to GraphQL error extensions, the
/// input field at fault (for INVALID_ARGUMENT and most others) and a message for humans.
///
/// Every error a command throws is a `CommandError`: rule violations found by the code, constraint violations that
/// slipped past it (mapped by constraint name, see `ConstraintCatalog`) and store failures (UNAVAILABLE).
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        case notFound = "NOT_FOUND"
        /// The acting user may not do this (not the seller, not the buyer, buying one's own gifticon).
        case forbidden = "FORBIDDEN"
        /// The entity's state does not allow it: wrong status, a lost race, a duplicate.
        case conflict = "CONFLICT"
        case invalidArgument = "INVALID_ARGUMENT"
        /// The database could not be reached, or no connection was free in time: safe to retry with the same key.
        case unavailable = "UNAVAILABLE"
        /// A failure the code did not foresee; the details are logged, not shown.
        case `internal` = "INTERNAL"
    }

    public var code: Code
    public var message: String
    public var field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String {
        "\(code.rawValue)" + (field.map { " (\($0))" } ?? "") + ": \(message)"
    }

    public static func notFound(_ entity: String, _ id: Int64, field: String) -> CommandError {
        CommandError(.notFound, "\(entity) \(id) does not exist", field: field)
    }

    public static func invalid(_ field: String, _ message: String) -> CommandError {
        CommandError(.invalidArgument, message, field: field)
    }

    public static func forbidden(_ message: String, field: String? = nil) -> CommandError {
        CommandError(.forbidden, message, field: field)
    }

    public static func conflict(_ message: String, field: String? = nil) -> CommandError {
        CommandError(.conflict, message, field: field)
    }
}
