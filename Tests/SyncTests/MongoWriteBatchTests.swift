import Foundation
import JSON
import ReadModels
import Stores
import Testing
@testable import Sync

/// The write batch's coalescing: fewer statements, the same documents as sending every write in turn.
@Suite struct MongoWriteBatchTests {
    let collection = "coalescing"

    func withMongo(_ body: (MongoClient) async throws -> Void) async throws {
        let settings = StoreSettings.fromEnvironment()
        let name = "batch_test_\(UInt32.random(in: 0...UInt32.max))"
        let mongo = MongoClient(uri: settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression),
                                maxConnections: 2)
        do { try await body(mongo) } catch {
            _ = try? await mongo.command(["dropDatabase": 1])
            throw error
        }
        _ = try await mongo.command(["dropDatabase": 1])
    }

    /// A row's and a price's guarded sets, as the document projector queues them for one transaction.
    func queueChange(_ batch: MongoWriteBatch, id: Int, version: Int, price: String, coalesce: Bool) {
        let position = String(format: "%020d", version)
        batch.update(collection, filter: [DocumentKey.id: .int(id), "_lsn": ["$not": ["$gte": .string(position)]]],
                     update: ["$set": ["version": .int(version), "_lsn": .string(position)]], upsert: true, duplicateIsNoOp: true, coalesce: coalesce)
        batch.update(collection, filter: [DocumentKey.id: .int(id), "_priceLsn": ["$not": ["$gte": .string(position)]]],
                     update: ["$set": ["price": .string(price), "_priceLsn": .string(position)]], upsert: true, duplicateIsNoOp: true, coalesce: coalesce)
    }

    /// Interleaved changes of two documents, a `$push` (which must not be reordered) and a replayed old change.
    func workload(_ batch: MongoWriteBatch, coalesce: Bool) {
        queueChange(batch, id: 1, version: 1, price: "10", coalesce: coalesce)
        queueChange(batch, id: 2, version: 2, price: "20", coalesce: coalesce)
        queueChange(batch, id: 1, version: 3, price: "11", coalesce: coalesce)
        batch.update(collection, filter: [DocumentKey.id: 1], update: ["$push": ["images": "a"]])
        queueChange(batch, id: 1, version: 4, price: "12", coalesce: coalesce)
        queueChange(batch, id: 2, version: 5, price: "21", coalesce: coalesce)
        queueChange(batch, id: 1, version: 6, price: "13", coalesce: coalesce)
        // A replay of an older change arriving last: the guard refuses it either way.
        queueChange(batch, id: 2, version: 2, price: "stale", coalesce: coalesce)
        // A write that may touch any document: nothing before it moves past it.
        batch.update(collection, filter: ["price": "21"], update: ["$set": ["flagged": true]], many: true)
        queueChange(batch, id: 2, version: 7, price: "22", coalesce: coalesce)
    }

    @Test func coalescedWritesLeaveTheSameDocuments() async throws {
        try await withMongo { mongo in
            let plain = MongoWriteBatch(mongo: mongo)
            workload(plain, coalesce: false)
            try await plain.flush()
            let expected = try await mongo.find(collection, filter: [:]).map(\.sortingKeys)
            _ = try await mongo.drop(collection)

            let coalescing = MongoWriteBatch(mongo: mongo)
            workload(coalescing, coalesce: true)
            // Row and price each: document 1's version 3 replaces 1, the $push keeps 4 from replacing 3, 6 replaces 4;
            // document 2's 5 replaces 2 and absorbs the stale replay; the many-document write keeps 7 on its own.
            #expect(coalescing.coalesced == 8, "statements replaced: \(coalescing.coalesced)")
            try await coalescing.flush()
            let actual = try await mongo.find(collection, filter: [:]).map(\.sortingKeys)
            #expect(actual == expected)
            #expect(actual.first { $0[DocumentKey.id] == 1 }?["price"] == "13")
            #expect(actual.first { $0[DocumentKey.id] == 2 }?["flagged"] == true)
            #expect(actual.first { $0[DocumentKey.id] == 2 }?["price"] == "22")
        }
    }
}
