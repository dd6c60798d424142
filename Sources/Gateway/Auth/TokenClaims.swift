import GraphQLEngine
import JSON

/// What a verified token says about its bearer: the acting user (`sub`) and the roles granted (`roles`).
public struct TokenClaims: Sendable, Equatable {
    public let userID: Int64
    public let roles: Set<Role>

    public init(userID: Int64, roles: Set<Role> = []) {
        self.userID = userID
        self.roles = roles
    }

    /// The `roles` claim: an array of role names. Anything else grants nothing rather than refusing the token (a
    /// malformed grant is no grant; the token still names its user), and names the gateway does not know are ignored.
    static func roles(fromClaim claim: JSONValue?) -> Set<Role> {
        guard let list = claim?.arrayValue else { return [] }
        let names = list.compactMap(\.stringValue)
        guard names.count == list.count else { return [] }
        return Set(names.compactMap(Role.init(rawValue:)))
    }
}
