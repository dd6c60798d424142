import Foundation
import JSON
import ReadModels
import Stores
import Testing
@testable import Sync

/// A snapshot's documents built in memory: the writes the document projector queues, applied as MongoDB would,
/// and inserted in bulk; a document that exists already is upserted under its guard instead.
@Suite struct SnapshotDocumentsTests {
    let collection = "snapshot_docs"

    @Test func writesApplyAsMongoDBWouldAndOthersAreRefused() throws {
        let documents = SnapshotDocuments()
        try documents.apply(collection, filter: [DocumentKey.id: 1, "_lsn": ["$not": ["$gte": "9"]]],
                            update: ["$set": ["name": "a", "_lsn": "1"]], upsert: true, many: false)
        try documents.apply(collection, filter: [DocumentKey.id: 1], update: ["$push": ["tags": ["$each": [["id": 1], ["id": 2], ["id": 3]]]]],
                            upsert: false, many: false)
        try documents.apply(collection, filter: [DocumentKey.id: 1], update: ["$pull": ["tags": ["id": ["$in": [2]]]]], upsert: false, many: false)
        // Not an upsert, and no such document: nothing, as in MongoDB.
        try documents.apply(collection, filter: [DocumentKey.id: 2], update: ["$set": ["name": "b"]], upsert: false, many: false)
        #expect(documents.document(collection, 1) == JSONObject([("_id", 1), ("name", "a"), ("_lsn", "1"), ("tags", [["id": 1], ["id": 3]])]))
        #expect(documents.document(collection, 2) == nil)
        #expect(throws: StoreError.self) {
            try documents.apply(collection, filter: ["brandId": 1], update: ["$set": ["brand.name": "x"]], upsert: false, many: true)
        }
        #expect(throws: StoreError.self) {
            try documents.apply(collection, filter: [DocumentKey.id: 1], update: ["$set": ["brand.name": "x"]], upsert: false, many: false)
        }
        #expect(throws: StoreError.self) {
            try documents.apply(collection, filter: [DocumentKey.id: 1], update: ["$inc": ["count": 1]], upsert: false, many: false)
        }
    }

    @Test func anExistingDocumentIsUpsertedUnderItsGuard() async throws {
        let settings = StoreSettings.fromEnvironment()
        let name = "snapshot_docs_\(UInt32.random(in: 0...UInt32.max))"
        let mongo = MongoClient(uri: settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression),
                                maxConnections: 2)
        defer { Task { _ = try? await mongo.command(["dropDatabase": 1]) } }
        // One document older than the snapshot (a killed run's late write), one newer (must stay).
        _ = try await mongo.command(["insert": .string(collection), "documents": [["_id": 1, "name": "old", "_lsn": "0001"],
                                                                                   ["_id": 3, "name": "newer", "_lsn": "0009"]]])
        let documents = SnapshotDocuments()
        for id in 1...1_203 {
            try documents.apply(collection, filter: [DocumentKey.id: .int(id)], update: ["$set": ["name": .string("n\(id)"), "_lsn": "0005"]],
                                upsert: true, many: false)
        }
        try await documents.insertAll(into: mongo, steps: SyncSteps())
        let stored = try await mongo.find(collection, filter: [:], options: ["sort": ["_id": 1]])
        #expect(stored.count == 1_203)
        #expect(stored.first?["name"] == "n1")
        #expect(stored.first { $0["_id"] == 3 }?["name"] == "newer")
        #expect(stored.last?["name"] == "n1203")
        _ = try await mongo.command(["dropDatabase": 1])
    }
}
