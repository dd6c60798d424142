import Testing
import Stores

@Suite struct MongoTests {
    let client = MongoClient(uri: TestStores.settings.mongoURI, maxConnections: 2)

    @Test func socketTimeoutJoinsTheURIOptionsAndTheClientStillWorks() async throws {
        #expect(MongoClient.uri("mongodb://h:1/db?directConnection=true", socketTimeout: .seconds(10))
                == "mongodb://h:1/db?directConnection=true&socketTimeoutMS=10000")
        #expect(MongoClient.uri("mongodb://h:1", socketTimeout: .milliseconds(2500)) == "mongodb://h:1/?socketTimeoutMS=2500")
        #expect(MongoClient.uri("mongodb://h:1/db", socketTimeout: .seconds(1)) == "mongodb://h:1/db?socketTimeoutMS=1000")
        #expect(MongoClient.uri("mongodb://h:1/?socketTimeoutMS=5", socketTimeout: .seconds(1)) == "mongodb://h:1/?socketTimeoutMS=5")
        let timed = MongoClient(uri: MongoClient.uri(TestStores.settings.mongoURI, socketTimeout: .seconds(10)), maxConnections: 1)
        _ = try await timed.command(["ping": 1])
        await timed.shutdown()
    }

    @Test func insertFindUpdateDelete() async throws {
        let collection = TestStores.unique("docs")
        try await client.insert(collection, [
            ["_id": 1, "name": "아메리카노", "brand": 10, "price": 4500],
            ["_id": 2, "name": "버거 세트", "brand": 20, "price": 8900],
            ["_id": 3, "name": "빙수", "brand": 30, "price": 12000],
        ])
        let some = try await client.find(collection, filter: ["brand": ["$in": [10, 30]]], options: ["sort": ["_id": 1]])
        #expect(some.compactMap { $0["name"]?.stringValue } == ["아메리카노", "빙수"])

        let updated = try await client.update(collection, filter: ["_id": 2, "price": ["$lt": 9000]], update: ["$set": ["price": 9500]])
        #expect(updated.matched == 1 && updated.modified == 1)
        // A guarded update whose condition no longer holds changes nothing.
        let stale = try await client.update(collection, filter: ["_id": 2, "price": ["$lt": 9000]], update: ["$set": ["price": 1]])
        #expect(stale.matched == 0)
        let upserted = try await client.update(collection, filter: ["_id": 4], update: ["$set": ["name": "디저트"]], upsert: true)
        #expect(upserted.upserted == 1)

        let two = try await client.find(collection, filter: ["_id": 2])
        #expect(two.first?["price"]?.intValue == 9500)
        #expect(try await client.delete(collection, filter: ["_id": ["$in": [1, 2]]]) == 2)
        #expect(try await client.find(collection, filter: [:]).count == 2)
        try await client.drop(collection)
        await client.shutdown()
    }

    @Test func duplicateKeyIsRejectedWithTheServersMessage() async throws {
        let collection = TestStores.unique("dups")
        try await client.insert(collection, [["_id": 1]])
        await #expect {
            try await client.insert(collection, [["_id": 1]])
        } throws: { error in
            (error as? StoreError)?.kind == .rejected && "\(error)".lowercased().contains("duplicate")
        }
        try await client.drop(collection)
        await client.shutdown()
    }

    @Test func serverDownIsAClearError() async throws {
        let down = MongoClient(uri: "mongodb://127.0.0.1:\(TestStores.deadPort)/x?serverSelectionTimeoutMS=500")
        await #expect {
            _ = try await down.find("x", filter: [:])
        } throws: { error in
            (error as? StoreError)?.kind == .unavailable
        }
        await down.shutdown()
    }
}
