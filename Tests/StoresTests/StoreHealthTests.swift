import Testing
import Stores

@Suite struct StoreHealthTests {
    @Test func everyStoreOfTheStackAnswers() async {
        let health = await StoreHealth.check(TestStores.settings)
        #expect(health.allHealthy, "\(health.lines)")
        #expect(health.results.count == 5)
    }

    @Test func storesThatAreDownAreNamedWithTheirError() async {
        let dead = "127.0.0.1:\(TestStores.deadPort)"
        let health = await StoreHealth.check(StoreSettings(
            databaseURL: "postgresql://x:x@\(dead)/x?connect_timeout=2",
            mongoURI: "mongodb://\(dead)/x?serverSelectionTimeoutMS=500",
            searchURL: "http://\(dead)", redisURL: "redis://\(dead)", kafkaBrokers: dead))
        #expect(!health.allHealthy)
        #expect(health.results.allSatisfy { $0.error != nil }, "\(health.lines)")
        #expect(health.lines.allSatisfy { $0.contains("DOWN") })
    }
}
