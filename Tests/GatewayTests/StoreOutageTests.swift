import Foundation
import Gateway
import Stores
import Testing

/// A store stopped mid-test: the gateway answers what it can (the fields that need the store are null with
/// errors), readiness turns false, nothing crashes, and it recovers when the store is back. Each test stops a server
/// of its own (the stack's are shared with other tests).
@Suite struct StoreOutageTests {
    @Test func redisStoppedThenBack() async throws {
        // A free port: redis-server cannot pick one itself, so try a few (the range overlaps the ephemeral ports).
        var started: (Process, Int)?
        for _ in 0..<5 where started == nil {
            let candidate = Int.random(in: 40_000...50_000)
            if (try? RedisConnection(url: "redis://127.0.0.1:\(candidate)/0", timeoutSeconds: 1)) != nil { continue }
            if let process = try? startRedis(port: candidate) { started = (process, candidate) }
        }
        guard let started else { throw HarnessError("no redis-server could be started") }
        var redis = started.0
        let port = started.1
        defer { stopRedis(redis, port: port) }
        try await withGateway(sync: false, configure: { _ in }, redisURL: "redis://127.0.0.1:\(port)/0") { gateway in
            let query = "{ brands { id } syncStatus { appliedPosition } }"
            var reply = try await gateway.graphql(query)
            #expect(reply.status == 200 && reply.errors.isEmpty, "\(reply.text)")
            #expect(try await gateway.send("GET", path: "/health/ready").status == 200)

            stopRedis(redis, port: port)
            reply = try await gateway.graphql(query)
            #expect(reply.status == 200)
            #expect(dig(reply.data, "brands") as? [Any] != nil, "the MongoDB field still answers")
            #expect(dig(reply.data, "syncStatus.appliedPosition") is NSNull)
            #expect(reply.codes == ["INTERNAL"], "\(reply.text)")
            let message = reply.errors.first?["message"] as? String ?? ""
            #expect(message.range(of: "127.0.0.1") == nil && message.range(of: "\(port)") == nil, "no internal details: \(reply.text)")
            let ready = try await gateway.send("GET", path: "/health/ready")
            #expect(ready.status == 503)
            #expect(dig(ready.json, "stores.redis") as? String == "down")
            #expect(dig(ready.json, "stores.mongodb") as? String == "up")

            redis = try startRedis(port: port)
            var recovered = false
            for _ in 0..<50 {
                reply = try await gateway.graphql(query)
                if reply.errors.isEmpty { recovered = true; break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(recovered, "\(reply.text)")
            #expect(try await gateway.send("GET", path: "/health/ready").status == 200)
        }
    }

    /// The search server stopped: the search field fails with INTERNAL and no details, the MongoDB fields answer,
    /// readiness names the search store, and it is ready again once the server is back. The server is an osmem of
    /// the test's own.
    @Test func searchStoppedThenBack() async throws {
        let server = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".stack/venv/lib/python3.11/site-packages/osmem_server/bin/osmem-server").path
        guard FileManager.default.isExecutableFile(atPath: server) else { throw HarnessError("no osmem-server at \(server)") }
        let port = Int.random(in: 50_001...59_000)
        func start() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: server)
            process.arguments = ["-addr", "127.0.0.1:\(port)", "-no-stdin-watch"]  // it would exit with a closed stdin
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let probe = SearchClient(baseURL: "http://127.0.0.1:\(port)", maxConnections: 1)
        defer { Task { await probe.shutdown() } }
        func answers() async -> Bool { (try? await probe.request("GET", "/")) != nil }
        var search = try start()
        defer { if search.isRunning { kill(search.processIdentifier, SIGKILL) } }
        for _ in 0..<100 where !(await answers()) { try await Task.sleep(for: .milliseconds(50)) }
        try await withGateway(sync: false, configure: { _ in }, searchURL: "http://127.0.0.1:\(port)") { gateway in
            #expect(try await gateway.send("GET", path: "/health/ready").status == 200)

            kill(search.processIdentifier, SIGKILL)
            for _ in 0..<100 where await answers() { try await Task.sleep(for: .milliseconds(20)) }
            var reply = try await gateway.graphql("{ brands { id } }")
            #expect(reply.status == 200 && reply.errors.isEmpty, "the MongoDB field answers: \(reply.text)")
            reply = try await gateway.graphql("{ gifticons(first: 1) { totalCount } }")
            #expect(reply.codes == ["INTERNAL"], "\(reply.text)")
            #expect(reply.text.range(of: "\(port)") == nil, "no internal details: \(reply.text)")
            let ready = try await gateway.send("GET", path: "/health/ready")
            #expect(ready.status == 503)
            #expect(dig(ready.json, "stores.mongodb") as? String == "up")
            #expect(dig(ready.json, "stores.search") as? String == "down")

            search = try start()
            var recovered = false
            for _ in 0..<100 {
                if try await gateway.send("GET", path: "/health/ready").status == 200 { recovered = true; break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(recovered, "ready again once the search server is back")
        }
    }

    /// The MongoDB server stopped: its fields are null with INTERNAL and no details while Redis fields answer, no
    /// request waits on the dead server (libmongoc's own defaults would let server selection take 30 s), readiness
    /// names MongoDB, and the gateway answers fully again once the server is back on its port. The server is a
    /// SecantusDB of the test's own, restarted on its storage.
    @Test func mongoStoppedThenBack() async throws {
        let server = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".stack/venv/bin/secantusd-py").path
        guard FileManager.default.isExecutableFile(atPath: server) else { throw HarnessError("no secantusd-py at \(server)") }
        let storage = FileManager.default.temporaryDirectory.appendingPathComponent("outage-mongo-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: storage, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: storage) }
        let port = Int.random(in: 59_001...60_999)
        let uri = "mongodb://127.0.0.1:\(port)/gifticon?directConnection=true"
        func start() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: server)
            process.arguments = ["--host", "127.0.0.1", "--port", String(port), "--storage-path", storage.path, "--log-level", "WARNING"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let probe = MongoClient(uri: uri, maxConnections: 1)
        defer { Task { await probe.shutdown() } }
        func answers() async -> Bool { (try? await probe.command(["ping": 1])) != nil }
        // The Python server takes seconds to open its storage, more on a loaded machine.
        func waitUntilAnswering() async throws {
            for _ in 0..<600 where !(await answers()) { try await Task.sleep(for: .milliseconds(100)) }
            guard await answers() else { throw HarnessError("secantusd-py did not answer on \(port)") }
        }
        #expect(!(await answers()), "port \(port) is free")
        var mongo = try start()
        defer { if mongo.isRunning { kill(mongo.processIdentifier, SIGKILL) } }
        try await waitUntilAnswering()
        // The cache off: every request must reach MongoDB. `gifticon` is the MongoDB field, being nullable (a failed
        // `brands`, non-null, would null the whole data and hide the Redis field).
        try await withGateway(sync: false, configure: { $0.cacheReadModels = false }, mongoURI: uri) { gateway in
            let query = #"{ gifticon(id: "1") { id } syncStatus { appliedPosition } }"#
            var reply = try await gateway.graphql(query)
            #expect(reply.status == 200 && reply.errors.isEmpty, "\(reply.text)")
            #expect(try await gateway.send("GET", path: "/health/ready").status == 200)

            kill(mongo.processIdentifier, SIGKILL)  // a stopped store, not a graceful shutdown
            for _ in 0..<100 where await answers() { try await Task.sleep(for: .milliseconds(20)) }
            let clock = ContinuousClock()
            let started = clock.now
            reply = try await gateway.graphql(query)
            let took = clock.now - started
            // Loose (the suite runs loaded): a refused connection fails at once, and MongoConnection caps libmongoc's
            // server selection and connect at 3 s each.
            #expect(took < .seconds(20), "a dead MongoDB must not hold the request: \(took)")
            #expect(reply.status == 200)
            #expect(dig(reply.data, "gifticon") is NSNull, "\(reply.text)")
            #expect(dig(reply.data, "syncStatus") is [String: Any], "the Redis field still answers: \(reply.text)")
            #expect(reply.codes == ["INTERNAL"], "\(reply.text)")
            #expect(reply.errors.first?["path"] as? [String] == ["gifticon"], "\(reply.text)")
            #expect(reply.text.range(of: "127.0.0.1") == nil && reply.text.range(of: "\(port)") == nil, "no internal details: \(reply.text)")
            let readyStarted = clock.now
            let ready = try await gateway.send("GET", path: "/health/ready")
            #expect(clock.now - readyStarted < .seconds(20))
            #expect(ready.status == 503)
            #expect(dig(ready.json, "stores.mongodb") as? String == "down")
            #expect(dig(ready.json, "stores.redis") as? String == "up")

            mongo = try start()
            try await waitUntilAnswering()
            var recovered = false
            for _ in 0..<100 {
                reply = try await gateway.graphql(query)
                if reply.errors.isEmpty { recovered = true; break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(recovered, "\(reply.text)")
            #expect(try await gateway.send("GET", path: "/health/ready").status == 200)
        }
    }

    /// SIGKILL, then waits until the port refuses connections (Foundation's waitUntilExit needs a run loop, which
    /// a test's async context does not have).
    func stopRedis(_ process: Process, port: Int) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)  // a stopped store, not a graceful shutdown
        for _ in 0..<100 {
            if (try? RedisConnection(url: "redis://127.0.0.1:\(port)/0", timeoutSeconds: 1)) == nil { return }
            usleep(20_000)
        }
    }

    func startRedis(port: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        process.arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<50 {
            if (try? RedisConnection(url: "redis://127.0.0.1:\(port)/0")) != nil { return process }
            usleep(50_000)
        }
        throw HarnessError("redis-server did not start on \(port)")
    }
}
