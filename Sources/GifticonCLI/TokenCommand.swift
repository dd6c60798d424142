import ArgumentParser
import Foundation
import Gateway

/// `gifticon token --user ID [--admin]`: a development bearer token for mutations, signed with GATEWAY_JWT_SECRET.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Print an HS256 bearer token for a user (signed with $GATEWAY_JWT_SECRET).")

    @Option(help: "The acting user's id (the token's sub).")
    var user: Int64

    @Flag(help: "Put the admin role in the token's roles claim: catalog mutations (createBrand, createCategory, createTag) need it.")
    var admin = false

    @Option(help: "Lifetime in seconds.")
    var lifetime: Int = 3_600

    func run() async throws {
        guard let secret = ProcessInfo.processInfo.environment["GATEWAY_JWT_SECRET"], !secret.isEmpty else {
            throw ValidationError("GATEWAY_JWT_SECRET is not set (scripts/serve puts one in .stack/env)")
        }
        print(JWTSigner(secret: secret).token(userID: user, roles: admin ? [.admin] : [], lifetime: TimeInterval(lifetime)))
    }
}
