import Testing
import Stores

@Suite struct RedisTests {
    let client = RedisClient(url: TestStores.settings.redisURL, maxConnections: 2)

    @Test func getSetMgetEval() async throws {
        let a = TestStores.unique("a"), b = TestStores.unique("b"), missing = TestStores.unique("none")
        try await client.set(a, "4.5")
        try await client.set(b, "평점")
        #expect(try await client.get(a) == "4.5")
        #expect(try await client.mget([a, missing, b]) == ["4.5", nil, "평점"])
        // A guarded write: only a newer position replaces the stored one.
        let script = "local cur = tonumber(redis.call('GET', KEYS[1]) or '0'); if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1]); return 1 end; return 0"
        let position = TestStores.unique("pos")
        #expect(try await client.eval(script, keys: [position], arguments: ["10"]).integer == 1)
        #expect(try await client.eval(script, keys: [position], arguments: ["5"]).integer == 0)
        #expect(try await client.get(position) == "10")
        _ = try await client.command(["DEL", a, b, position])
        await client.shutdown()
    }

    @Test func errorRepliesThrowWithTheServersMessage() async throws {
        await #expect {
            try await client.command("NOSUCHCOMMAND")
        } throws: { error in
            (error as? StoreError)?.kind == .rejected && "\(error)".contains("unknown command")
        }
        #expect(try await client.command("PING").string == "PONG")
        await client.shutdown()
    }

    @Test func serverDownIsAClearError() async throws {
        let down = RedisClient(url: "redis://127.0.0.1:\(TestStores.deadPort)")
        await #expect {
            try await down.command("PING")
        } throws: { error in
            (error as? StoreError)?.kind == .unavailable
        }
        await down.shutdown()
    }
}
