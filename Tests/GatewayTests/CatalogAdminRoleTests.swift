import Foundation
import GraphQLEngine
import JSON
import Stores
import Testing
@testable import Gateway

/// Catalog mutations over HTTP need the admin role: without a token UNAUTHENTICATED, with a token that does not
/// grant it (none, an unknown role, a malformed claim) FORBIDDEN and nothing committed; with it, created and read
/// back. A malformed roles claim grants nothing but still acts as its user.
@Suite struct CatalogAdminRoleTests {
    static let catalog: [(field: String, idField: String, input: String, variables: [String: String])] = [
        ("createBrand", "brandId", "CreateBrandInput", ["name": "투썸플레이스", "slug": "twosome"]),
        ("createCategory", "categoryId", "CreateCategoryInput", ["name": "디저트", "slug": "dessert"]),
        ("createTag", "tagId", "CreateTagInput", ["name": "달콤한", "slug": "sweet"]),
    ]

    @Test func catalogMutationsNeedTheAdminRole() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            func create(_ index: Int, token: String?) async throws -> GatewayHarness.Reply {
                let m = Self.catalog[index]
                return try await gateway.graphql(
                    "mutation($input: \(m.input)!) { \(m.field)(input: $input) { \(m.idField) receipt { consistencyToken } } }",
                    variables: ["input": m.variables], token: token)
            }
            let signer = JWTSigner(secret: GatewayHarness.secret)
            let exp = JSONValue.int(Int(Date().timeIntervalSince1970) + 600)
            let refused: [(label: String, token: String?, code: String)] = [
                ("no token", nil, "UNAUTHENTICATED"),
                ("a user's token", gateway.token(user: 5), "FORBIDDEN"),
                ("an unknown role", signer.token(claims: JSONObject([("sub", "5"), ("exp", exp), ("roles", ["seller"])])), "FORBIDDEN"),
                ("roles as a string", signer.token(claims: JSONObject([("sub", "5"), ("exp", exp), ("roles", "admin")])), "FORBIDDEN"),
                ("roles not all strings", signer.token(claims: JSONObject([("sub", "5"), ("exp", exp), ("roles", ["admin", 1])])), "FORBIDDEN"),
            ]
            for (label, token, code) in refused {
                for index in Self.catalog.indices {
                    let reply = try await create(index, token: token)
                    #expect(reply.codes == [code], "\(Self.catalog[index].field), \(label): \(reply.text)")
                    #expect(dig(reply.data, "\(Self.catalog[index].field).\(Self.catalog[index].idField)") == nil, "\(label): no id")
                }
            }
            #expect(try catalogRows(gateway) == [0, 0, 0], "a refused mutation commits nothing")

            // A malformed roles claim is no grant, not a refused token: its user's own mutations still run.
            let reply = try await gateway.graphql(
                "mutation($input: RegisterUserInput!) { registerUser(input: $input) { userId } }",
                variables: ["input": ["username": "roles@example.kr", "nickname": "역할"]], token: refused[3].token)
            #expect(reply.errors.isEmpty && dig(reply.data, "registerUser.userId") is String, "\(reply.text)")

            let admin = gateway.token(user: 5, admin: true)
            var created: [(id: String, token: String)] = []
            for index in Self.catalog.indices {
                let reply = try await create(index, token: admin)
                let m = Self.catalog[index]
                #expect(reply.errors.isEmpty, "\(m.field) as admin: \(reply.text)")
                created.append((try #require(dig(reply.data, "\(m.field).\(m.idField)") as? String, "\(reply.text)"),
                                try #require(dig(reply.data, "\(m.field).receipt.consistencyToken") as? String)))
            }
            #expect(try catalogRows(gateway) == [1, 1, 1])
            // Read back at the last receipt: the refused attempts came first, so any of them would show here too. Both
            // fields wait (root fields resolve side by side).
            let read = try await gateway.graphql("query($t: String) { brands(consistency: $t) { id } categories(consistency: $t) { id } }",
                                                 variables: ["t": created[2].token])
            #expect(read.errors.isEmpty, "\(read.text)")
            #expect((dig(read.data, "brands") as? [[String: Any]])?.compactMap { $0["id"] as? String } == [created[0].id], "\(read.text)")
            #expect((dig(read.data, "categories") as? [[String: Any]])?.compactMap { $0["id"] as? String } == [created[1].id], "\(read.text)")
        }
    }

    /// Brands, categories and tags in the test's command database (the source of truth, not a read model).
    func catalogRows(_ gateway: GatewayHarness) throws -> [Int] {
        let database = try PostgresConnection(url: try #require(gateway.databaseURL))
        defer { database.close() }
        return try ["brands", "categories", "tags"].map { table in
            let count = try database.query("SELECT count(*) FROM \(table)").rows.first?.first ?? nil
            return count.flatMap { Int($0) } ?? -1
        }
    }
}
