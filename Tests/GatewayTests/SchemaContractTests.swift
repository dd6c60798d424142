import Foundation
import Testing
@testable import Gateway

/// The served schema is the committed contract: the schema the gateway introspects over HTTP, rebuilt by
/// graphql-core, prints exactly as schema.graphql does.
@Suite struct SchemaContractTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func thePublicUserHasNoLoginDetails() throws {
        let schema = try GatewaySchema.make()
        guard case .object(let user)? = schema.type(named: "User") else { Issue.record("no User type"); return }
        #expect(!user.fields.keys.contains { ["username", "email"].contains($0.lowercased()) })
    }

    @Test func introspectionRebuiltByGraphQLCorePrintsLikeSchemaGraphQL() async throws {
        let python = Self.root.appendingPathComponent(".stack/venv/bin/python").path
        let introspectionQuery = try run(python, ["-c", "import graphql; print(graphql.get_introspection_query(descriptions=True))"])
        try await withGateway(sync: false) { gateway in
            let reply = try await gateway.graphql(introspectionQuery, accept: "application/json")
            #expect(reply.status == 200 && reply.errors.isEmpty, "\(reply.text.prefix(500))")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("introspection-\(UUID().uuidString).json")
            try reply.body.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let script = """
                import graphql, json, sys
                served = graphql.print_schema(graphql.build_client_schema(json.load(open(sys.argv[1]))["data"]))
                committed = graphql.print_schema(graphql.build_schema(open(sys.argv[2]).read()))
                if served != committed:
                    import difflib
                    print("\\n".join(difflib.unified_diff(committed.splitlines(), served.splitlines(), "schema.graphql", "served", lineterm="")))
                    sys.exit(1)
                print("same")
                """
            let output = try run(python, ["-c", script, file.path, Self.root.appendingPathComponent("schema.graphql").path])
            #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "same")
        }
    }

    func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 { throw HarnessError("\(executable) failed: \(text)") }
        return text
    }
}
