import Commands
import Foundation
import Stores

/// `/health/ready`: every store the gateway uses answers (MongoDB, the search index, Redis for the read side,
/// PostgreSQL for the command side), each within `timeout` (a second by default).
struct ReadinessCheck: Sendable {
    let readModels: ReadModelStores
    let commands: CommandRunner?
    let timeout: Duration

    func run() async -> (ready: Bool, body: String) {
        let readModels = self.readModels, commands = self.commands, timeout = self.timeout
        var checks: [(String, @Sendable () async throws -> Void)] = [
            ("mongodb", { _ = try await readModels.mongo.command(["ping": 1]) }),
            ("search", { _ = try await readModels.search.request("GET", "/") }),
            ("redis", { _ = try await readModels.redis.command("PING") }),
        ]
        if let commands { checks.append(("postgres", { _ = try await commands.database.query("SELECT 1") })) }
        let results = await withTaskGroup(of: (String, String?).self) { group in
            for (name, check) in checks {
                group.addTask {
                    // withDeadline, not a task group: a group would wait for a check stuck on a hung server.
                    await withDeadline(timeout) {
                        do { try await check(); return nil } catch { return "\(error)" }
                    }.map { (name, $0) } ?? (name, "no answer within \(timeout)")
                }
            }
            var out: [(String, String?)] = []
            for await result in group { out.append(result) }
            return out.sorted { $0.0 < $1.0 }
        }
        let ready = results.allSatisfy { $0.1 == nil }
        let stores = results.map { name, error in
            "\"\(name)\":" + (error == nil ? "\"up\"" : "\"down\"")
        }.joined(separator: ",")
        return (ready, "{\"status\":\"\(ready ? "ready" : "not ready")\",\"stores\":{\(stores)}}")
    }
}
