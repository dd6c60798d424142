/// Who sent a request, as far as its Authorization header tells.
enum Caller: Sendable {
    /// No Authorization header.
    case anonymous
    /// A valid token: the acting user.
    case user(Int64)
    /// A header that did not hold a valid token (the reason goes to the client: it names nothing secret).
    case rejected(String)

    /// The acting user of a mutation, or UNAUTHENTICATED.
    func actingUser() throws -> Int64 {
        switch self {
        case .user(let id): return id
        case .anonymous: throw GatewayError(.unauthenticated, "Mutations need an Authorization: Bearer token.")
        case .rejected(let reason): throw GatewayError(.unauthenticated, "The bearer token was refused: \(reason).")
        }
    }
}
