import Foundation
import GraphQLEngine
import JSON
import Testing
@testable import Gateway

/// The `roles` claim: what the signer writes, what the verifier reads, and what a caller may then do. A claim that
/// is not an array of strings grants nothing, and the token stays valid for its user.
@Suite struct TokenRolesTests {
    let signer = JWTSigner(secret: "roles-secret")
    let verifier = JWTVerifier(secret: "roles-secret")

    @Test func theSignerGrantsWhatTheVerifierReads() throws {
        #expect(try verifier.claims(fromToken: signer.token(userID: 7, roles: [.admin])) == TokenClaims(userID: 7, roles: [.admin]))
        #expect(try verifier.claims(fromToken: signer.token(userID: 7)) == TokenClaims(userID: 7, roles: []))
        #expect(try verifier.claims(fromBearer: "Bearer " + signer.token(userID: 7, roles: [.admin])).roles == [.admin])
    }

    @Test(arguments: [
        ("absent", nil),
        ("a string", "admin"),
        ("an object", ["admin": true]),
        ("not only strings", ["admin", 1]),
        ("null", .null),
        ("empty", []),
        ("unknown names", ["seller", "ADMIN"]),
    ] as [(String, JSONValue?)])
    func aClaimThatGrantsNothing(_ label: String, _ roles: JSONValue?) throws {
        var claims = JSONObject([("sub", "7"), ("exp", .int(Int(Date().timeIntervalSince1970) + 600))])
        if let roles { claims["roles"] = roles }
        let verified = try verifier.claims(fromToken: signer.token(claims: claims))
        #expect(verified == TokenClaims(userID: 7, roles: []), "\(label): still user 7, no roles")
    }

    @Test func unknownNamesBesideAdminStillGrantAdmin() throws {
        let claims = JSONObject([("sub", "7"), ("exp", .int(Int(Date().timeIntervalSince1970) + 600)), ("roles", ["seller", "admin"])])
        #expect(try verifier.claims(fromToken: signer.token(claims: claims)).roles == [.admin])
    }

    @Test func aRoleMutationNeedsTheRole() throws {
        #expect(try Caller.user(TokenClaims(userID: 7, roles: [.admin])).actingUser(with: .admin) == 7)
        #expect(code { try Caller.user(TokenClaims(userID: 7)).actingUser(with: .admin) } == .forbidden)
        #expect(code { try Caller.anonymous.actingUser(with: .admin) } == .unauthenticated)
        #expect(code { try Caller.rejected("the token has expired").actingUser(with: .admin) } == .unauthenticated)
        #expect(try Caller.user(TokenClaims(userID: 7)).actingUser() == 7, "a user's own mutations need no role")
    }

    func code(_ body: () throws -> Int64) -> GatewayErrorCode? {
        do { _ = try body(); return nil } catch let error as GatewayError { return error.code } catch { return nil }
    }
}
