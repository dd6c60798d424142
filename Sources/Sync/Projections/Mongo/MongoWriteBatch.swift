import JSON
import Stores

/// The writes of one transaction, sent as few `update`/`delete` commands as their order allows (one round trip per
/// run of same-collection writes, up to `chunkSize` statements) instead of one per write. Statements keep their
/// order (`ordered: true`); an upsert that collides with a newer document (duplicate key, the guarded no-op) is
/// skipped and the rest of its command is sent again. Reads must `flush()` first, so they see every earlier write.
final class MongoWriteBatch {
    private enum Kind { case update, delete }
    private struct Statement {
        let collection: String
        let kind: Kind
        let body: JSONValue
        /// A duplicate key error on this upsert means a newer document exists: nothing to do.
        let duplicateIsNoOp: Bool
    }

    let mongo: MongoClient
    let chunkSize: Int
    let steps: SyncSteps
    private var pending: [Statement] = []

    init(mongo: MongoClient, chunkSize: Int = 500, steps: SyncSteps = SyncSteps()) {
        self.mongo = mongo
        self.chunkSize = chunkSize
        self.steps = steps
    }

    func update(_ collection: String, filter: JSONValue, update: JSONValue, upsert: Bool = false, many: Bool = false,
                duplicateIsNoOp: Bool = false) {
        pending.append(Statement(collection: collection, kind: .update,
                                 body: ["q": filter, "u": update, "upsert": .bool(upsert), "multi": .bool(many)],
                                 duplicateIsNoOp: duplicateIsNoOp))
    }

    func delete(_ collection: String, filter: JSONValue) {
        pending.append(Statement(collection: collection, kind: .delete, body: ["q": filter, "limit": 0], duplicateIsNoOp: false))
    }

    /// Sends everything queued, in order.
    func flush() async throws {
        var start = 0
        while start < pending.count {
            var end = start + 1
            while end < pending.count, end - start < chunkSize,
                  pending[end].collection == pending[start].collection, pending[end].kind == pending[start].kind { end += 1 }
            try await send(pending[start..<end])
            start = end
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func send(_ statements: ArraySlice<Statement>) async throws {
        var remaining = statements
        while let first = remaining.first {
            let command: JSONValue = first.kind == .update
                ? ["update": .string(first.collection), "updates": .array(remaining.map(\.body)), "ordered": true]
                : ["delete": .string(first.collection), "deletes": .array(remaining.map(\.body)), "ordered": true]
            let reply = try await steps.measure(.mongoWrites) { try await mongo.command(command) }
            guard let error = reply["writeErrors"]?.arrayValue?.first else { return }
            let index = Int(error["index"]?.int64 ?? 0)
            let code = error["code"]?.int64 ?? 0
            let failed = remaining[remaining.startIndex + index]
            guard code == 11000, failed.duplicateIsNoOp else {
                throw StoreError(.mongo, .rejected, "\(first.collection): \(error["errmsg"]?.stringValue ?? "write failed")",
                                 code: String(code))
            }
            remaining = remaining[(remaining.startIndex + index + 1)...]
        }
    }
}
