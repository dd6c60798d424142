import Crypto
import Foundation
import GraphQLEngine
import JSON

/// Verifies `Authorization: Bearer <JWT>` tokens signed HS256 with the gateway's secret and reads the acting user
/// from `sub` and the granted roles from `roles`. Only HS256 is accepted (a token naming another algorithm, `none`
/// included, is refused); the claims are checked as `TokenClaims(payload:now:maxLifetime:)` says (a numeric `exp`
/// is required, no further away than `maxLifetime`).
///
/// ```swift
/// let verifier = JWTVerifier(secret: "dev-secret")
/// let claims = try verifier.claims(fromBearer: "Bearer eyJ...")  // claims.userID, claims.roles
/// ```
public struct JWTVerifier: Sendable {
    // SymmetricKey is not Sendable: keep the secret's bytes and make the key per use.
    private let secret: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// The longest a token may still be valid for: a token whose `exp` lies further ahead is refused.
    public let maxLifetime: TimeInterval

    public init(secret: String, maxLifetime: TimeInterval = 86_400) {
        self.secret = Array(secret.utf8)
        self.maxLifetime = maxLifetime
    }

    public struct Rejection: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
        public init(reason: String) { self.reason = reason }
    }

    /// The user id in a valid token's `sub` claim and the roles in its `roles` claim.
    public func claims(fromBearer header: String, now: Date = Date()) throws(Rejection) -> TokenClaims {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw Rejection(reason: "the Authorization header is not a Bearer token") }
        return try claims(fromToken: String(parts[1]).trimmingCharacters(in: .whitespaces), now: now)
    }

    public func claims(fromToken token: String, now: Date = Date()) throws(Rejection) -> TokenClaims {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3,
            let headerBytes = Base64URL.decode(segments[0]), let payloadBytes = Base64URL.decode(segments[1]),
            let signature = Base64URL.decode(segments[2])
        else { throw Rejection(reason: "the token is not a JWT") }
        guard let header = try? JSONReader.parse(headerBytes), header["alg"]?.stringValue == "HS256" else {
            throw Rejection(reason: "the token is not signed HS256")
        }
        let signed = Data("\(segments[0]).\(segments[1])".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signed, using: key) else {
            throw Rejection(reason: "the token's signature is not valid")
        }
        guard let payload = try? JSONReader.parse(payloadBytes), payload.objectValue != nil else {
            throw Rejection(reason: "the token's claims are not a JSON object")
        }
        return try TokenClaims(payload: payload, now: now.timeIntervalSince1970, maxLifetime: maxLifetime)
    }
}

/// Signs HS256 tokens: `gifticon token` mints development tokens with it, and the tests theirs.
public struct JWTSigner: Sendable {
    // SymmetricKey is not Sendable: keep the secret's bytes and make the key per use.
    private let secret: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    public init(secret: String) { self.secret = Array(secret.utf8) }

    /// A token for `userID` granting `roles`, valid for `lifetime` from `now`.
    public func token(userID: Int64, roles: [Role] = [], lifetime: TimeInterval = 3_600, now: Date = Date()) -> String {
        let issued = Int(now.timeIntervalSince1970)
        var claims = JSONObject([("sub", .string(String(userID))), ("iat", .int(issued)), ("exp", .int(issued + Int(lifetime)))])
        if !roles.isEmpty { claims["roles"] = .array(roles.map { .string($0.rawValue) }) }
        return token(claims: claims)
    }

    /// A token carrying exactly `claims` (tests sign malformed ones with it).
    public func token(claims: JSONObject) -> String {
        let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = Base64URL.encode(JSONValue.object(claims).jsonBytes())
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(header).\(payload)".utf8), using: key)
        return "\(header).\(payload).\(Base64URL.encode(Array(mac)))"
    }
}

/// Base64 with the URL alphabet and no padding, as JWTs write it.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
