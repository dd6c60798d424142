/// Who sent a request, as far as its Authorization header tells.
enum Caller: Sendable {
    /// No Authorization header.
    case anonymous
    /// A valid token: the acting user and the roles it grants.
    case user(TokenClaims)
    /// A header that did not hold a valid token (the reason goes to the client: it names nothing secret).
    case rejected(String)

    /// The acting user of a mutation, or UNAUTHENTICATED.
    func actingUser() throws -> Int64 {
        switch self {
        case .user(let claims): return claims.userID
        case .anonymous: throw GatewayError(.unauthenticated, "Mutations need an Authorization: Bearer token.")
        case .rejected(let reason): throw GatewayError(.unauthenticated, "The bearer token was refused: \(reason).")
        }
    }

    /// The user a personal query (`me`) is about, or UNAUTHENTICATED.
    func viewer() throws -> Int64 {
        switch self {
        case .user(let claims): return claims.userID
        case .anonymous: throw GatewayError(.unauthenticated, "me needs an Authorization: Bearer token.")
        case .rejected(let reason): throw GatewayError(.unauthenticated, "The bearer token was refused: \(reason).")
        }
    }

    /// The token's user, if the request carries a valid token (fields visible to some users only).
    var userID: Int64? {
        if case .user(let claims) = self { return claims.userID }
        return nil
    }

    /// The acting user of a mutation that needs `role`: UNAUTHENTICATED without a valid token, FORBIDDEN when the
    /// token does not grant the role.
    func actingUser(with role: Role) throws -> Int64 {
        let user = try actingUser()
        guard case .user(let claims) = self, claims.roles.contains(role) else {
            throw GatewayError(.forbidden, "This mutation needs a token with the \(role.rawValue) role.")
        }
        return user
    }
}
