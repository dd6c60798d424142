import GraphQLEngine
import JSON

/// What a verified token says about its bearer: the acting user (`sub`) and the roles granted (`roles`).
public struct TokenClaims: Sendable, Equatable {
    public let userID: Int64
    public let roles: Set<Role>
    /// When the token expires (`exp`, seconds since 1970): a subscription opened with it ends then.
    public let expiresAt: Double?

    public init(userID: Int64, roles: Set<Role> = [], expiresAt: Double? = nil) {
        self.userID = userID
        self.roles = roles
        self.expiresAt = expiresAt
    }

    /// The same bearer with the same grants (whatever the token's expiry).
    public static func == (a: TokenClaims, b: TokenClaims) -> Bool { a.userID == b.userID && a.roles == b.roles }

    /// The claims of a token whose signature was verified: `exp` a number (seconds since 1970), in the future and
    /// at most `maxLifetime` away (a token that never expires, or expires in years, is refused); `nbf` and `iat`
    /// numbers when present, `nbf` passed, `iat` not in the future (a minute of clock skew allowed); `sub` the
    /// user id as a string of canonical decimal digits ("1902", never "+1902", "01902" or 1902).
    init(payload: JSONValue, now: Double, maxLifetime: Double) throws(JWTVerifier.Rejection) {
        func number(_ name: String) throws(JWTVerifier.Rejection) -> Double? {
            switch payload[name] {
            case nil: return nil
            case .int(let value)?: return Double(value)
            case .double(let value)? where value.isFinite: return value
            default: throw JWTVerifier.Rejection(reason: "the token's \(name) is not a number of seconds")
            }
        }
        guard let exp = try number("exp") else { throw JWTVerifier.Rejection(reason: "the token has no exp (expiry)") }
        if now >= exp { throw JWTVerifier.Rejection(reason: "the token has expired") }
        if exp - now > maxLifetime {
            throw JWTVerifier.Rejection(reason: "the token's exp is more than \(Int(maxLifetime)) s away (GATEWAY_MAX_TOKEN_LIFETIME_S)")
        }
        if let nbf = try number("nbf"), now < nbf { throw JWTVerifier.Rejection(reason: "the token is not valid yet") }
        if let iat = try number("iat"), iat > now + 60 { throw JWTVerifier.Rejection(reason: "the token was issued in the future") }
        guard case .string(let text)? = payload["sub"], let first = text.utf8.first, first != UInt8(ascii: "0"),
            text.utf8.count <= 19, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let sub = Int64(text)
        else { throw JWTVerifier.Rejection(reason: "the token's sub is not a user id (decimal digits, as a string)") }
        self.init(userID: sub, roles: Self.roles(fromClaim: payload["roles"]), expiresAt: exp)
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
