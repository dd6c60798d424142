import Testing
import Stores

@Suite struct SearchTests {
    let client = SearchClient(baseURL: TestStores.settings.searchURL, maxConnections: 2)

    @Test func createIndexBulkAndSearch() async throws {
        let index = TestStores.unique("gifticons").lowercased()
        try await client.createIndex(index, body: [
            "mappings": ["properties": [
                "name": ["type": "text"],
                "status": ["type": "keyword"],
                "salePrice": ["type": "long"],
            ]],
        ])
        try await client.createIndex(index, body: [:])  // a second create is a no-op
        try await client.bulk([
            ["index": ["_index": .string(index), "_id": "1"]], ["name": "스타벅스 아메리카노", "status": "ON_SALE", "salePrice": 4500],
            ["index": ["_index": .string(index), "_id": "2"]], ["name": "버거킹 와퍼 세트", "status": "ON_SALE", "salePrice": 8900],
            ["index": ["_index": .string(index), "_id": "3"]], ["name": "아메리카노 라지", "status": "SOLD_OUT", "salePrice": 5000],
        ], refresh: true)
        let answer = try await client.search(index, query: [
            "query": ["bool": [
                "must": [["match": ["name": "아메리카노"]]],
                "filter": [["term": ["status": "ON_SALE"]], ["range": ["salePrice": ["gte": 1000, "lte": 6000]]]],
            ]],
        ])
        let ids = answer["hits"]?["hits"]?.arrayValue?.compactMap { $0["_id"]?.stringValue }
        #expect(ids == ["1"])
        try await client.deleteIndex(index)
        #expect(try await client.indexExists(index) == false)
        await client.shutdown()
    }

    @Test func errorsCarryTheServersReason() async throws {
        await #expect {
            try await client.search("no-such-index-here", query: ["query": ["match_all": [:]]])
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.kind == .rejected && error.code == "404"
        }
        await client.shutdown()
    }

    @Test func serverDownIsAClearError() async throws {
        let down = SearchClient(baseURL: "http://127.0.0.1:\(TestStores.deadPort)")
        await #expect {
            try await down.request("GET", "/")
        } throws: { error in
            (error as? StoreError)?.kind == .unavailable
        }
        await down.shutdown()
    }
}
