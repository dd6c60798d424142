import Foundation
import Gateway
import Stores
import Testing

/// A store stopped mid-test: the gateway answers what it can (the fields that need the store are null with
/// errors), readiness turns false, nothing crashes, and it recovers when the store is back. Each test stops a server
/// of its own (the stack's are shared with other tests).
@Suite struct StoreOutageTests {
    /// Readiness, asked up to three times until `settled` holds: the stack's servers are shared with the whole suite,
    /// and a loaded run's check of one once ran past the readiness timeout (a store that is down stays down).
    static func readiness(_ gateway: GatewayHarness, until settled: (GatewayHarness.Reply) -> Bool) async throws -> GatewayHarness.Reply {
        var ready = try await gateway.send("GET", path: "/health/ready")
        for _ in 0..<2 where !settled(ready) { ready = try await gateway.send("GET", path: "/health/ready") }
        return ready
    }

    /// Readiness with every store up: its status.
    static func readyWhenAllAreUp(_ gateway: GatewayHarness) async throws -> Int {
        try await readiness(gateway) { $0.status == 200 }.status
    }

    @Test func redisStoppedThenBack() async throws {
        let port = try OwnServer.freePort()
        let url = "redis://127.0.0.1:\(port)/0"
        let redis = OwnServer(name: "redis-server", executable: "/usr/bin/redis-server",
                              arguments: ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        func answers() -> Bool { (try? RedisConnection(url: url, timeoutSeconds: 1).command(["PING"])) != nil }
        try await redis.start(answers: answers)
        defer { redis.stop() }
        try await withGateway(sync: false, configure: { _ in }, redisURL: url) { gateway in
            let query = "{ brands { id } syncStatus { appliedPosition } }"
            var reply = try await gateway.graphql(query)
            #expect(reply.status == 200 && reply.errors.isEmpty, "\(reply.text)")
            #expect(try await Self.readyWhenAllAreUp(gateway) == 200)

            redis.stop()
            for _ in 0..<100 where answers() { try await Task.sleep(for: .milliseconds(20)) }
            reply = try await gateway.graphql(query)
            #expect(reply.status == 200)
            #expect(dig(reply.data, "brands") as? [Any] != nil, "the MongoDB field still answers")
            #expect(dig(reply.data, "syncStatus.appliedPosition") is NSNull)
            #expect(reply.codes == ["INTERNAL"], "\(reply.text)")
            let message = reply.errors.first?["message"] as? String ?? ""
            #expect(message.range(of: "127.0.0.1") == nil && message.range(of: "\(port)") == nil, "no internal details: \(reply.text)")
            // MongoDB is the stack's, shared with the whole suite: a loaded run's check of it once ran past the
            // readiness timeout. What is tested is that Redis being down does not take MongoDB with it: asked
            // again, MongoDB answers up while Redis stays down.
            let ready = try await Self.readiness(gateway) { dig($0.json, "stores.mongodb") as? String == "up" }
            #expect(ready.status == 503)
            #expect(dig(ready.json, "stores.redis") as? String == "down")
            #expect(dig(ready.json, "stores.mongodb") as? String == "up")

            try await redis.start(answers: answers)
            var recovered = false
            for _ in 0..<50 {
                reply = try await gateway.graphql(query)
                if reply.errors.isEmpty { recovered = true; break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(recovered, "\(reply.text)")
            #expect(try await Self.readyWhenAllAreUp(gateway) == 200)
        }
    }

    /// The search server stopped: the search field fails with INTERNAL and no details, the MongoDB fields answer,
    /// readiness names the search store, and it is ready again once the server is back. The server is an osmem of
    /// the test's own.
    @Test func searchStoppedThenBack() async throws {
        let server = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".stack/venv/lib/python3.11/site-packages/osmem_server/bin/osmem-server").path
        guard FileManager.default.isExecutableFile(atPath: server) else { throw HarnessError("no osmem-server at \(server)") }
        let port = try OwnServer.freePort()
        // -no-stdin-watch: it would exit with a closed stdin.
        let search = OwnServer(name: "osmem-server", executable: server, arguments: ["-addr", "127.0.0.1:\(port)", "-no-stdin-watch"])
        let probe = SearchClient(baseURL: "http://127.0.0.1:\(port)", maxConnections: 1)
        defer { Task { await probe.shutdown() } }
        func answers() async -> Bool { (try? await probe.request("GET", "/")) != nil }
        try await search.start(answers: answers)
        defer { search.stop() }
        try await withGateway(sync: false, configure: { _ in }, searchURL: "http://127.0.0.1:\(port)") { gateway in
            #expect(try await Self.readyWhenAllAreUp(gateway) == 200)

            search.stop()
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

            try await search.start(answers: answers)
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
        let (mongo, uri, port, storage) = try OwnServer.secantusDB(named: "outage-mongo")
        defer { try? FileManager.default.removeItem(at: storage) }
        let probe = MongoClient(uri: uri, maxConnections: 1)
        defer { Task { await probe.shutdown() } }
        func answers() async -> Bool { (try? await probe.command(["ping": 1])) != nil }
        #expect(!(await answers()), "port \(port) is free")
        // The Python server takes seconds to open its storage, more on a loaded machine: OwnServer's deadline.
        try await mongo.start(answers: answers)
        defer { mongo.stop() }
        // The cache off: every request must reach MongoDB. `gifticon` is the MongoDB field, being nullable (a failed
        // `brands`, non-null, would null the whole data and hide the Redis field).
        try await withGateway(sync: false, configure: { $0.cacheReadModels = false }, mongoURI: uri) { gateway in
            let query = #"{ gifticon(id: "1") { id } syncStatus { appliedPosition } }"#
            var reply = try await gateway.graphql(query)
            #expect(reply.status == 200 && reply.errors.isEmpty, "\(reply.text)")
            #expect(try await Self.readyWhenAllAreUp(gateway) == 200)

            mongo.stop()
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

            try await mongo.start(answers: answers)
            var recovered = false
            for _ in 0..<100 {
                reply = try await gateway.graphql(query)
                if reply.errors.isEmpty { recovered = true; break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(recovered, "\(reply.text)")
            #expect(try await Self.readyWhenAllAreUp(gateway) == 200)
        }
    }
}
