import JSON
import ReadModels
import Stores

/// The writes of one transaction (or a run of them), sent as few `update`/`delete` commands as their order allows
/// (one round trip per run of same-collection writes, up to `chunkSize` statements) instead of one per write.
/// Statements keep their order (`ordered: true`); an upsert that collides with a newer document (duplicate key, the
/// guarded no-op) is skipped and the rest of its command is sent again. Reads must `flush()` first, so they see
/// every earlier write.
///
/// Guarded `$set`s coalesce: a later one of the same shape on the same document (the same fields, under the same
/// position guard) replaces the earlier one still queued, when everything queued on that document in between
/// commutes with it (guarded `$set`s of other fields). The newer of the two is kept: its guard refuses whatever would
/// have refused both, and its fields are what the document would have held after both. A price changed 30 times in
/// a run is one statement, not 30.
final class MongoWriteBatch {
    private enum Kind { case update, delete }
    private struct Statement {
        let collection: String
        let kind: Kind
        let body: JSONValue
        /// A duplicate key error on this upsert means a newer document exists: nothing to do.
        let duplicateIsNoOp: Bool
        /// The fields a coalescing guarded `$set` writes (nil: the statement never coalesces and blocks those behind).
        let setFields: Set<String>?
    }

    private struct QueuedDocument: Hashable {
        let collection: String
        let id: JSONValue
    }

    let mongo: MongoClient
    let chunkSize: Int
    let steps: SyncSteps
    private var pending: [Statement] = []
    /// Per document (collection and `_id`), the queued statements that name it by `_id`, in order.
    private var byDocument: [QueuedDocument: [Int]] = [:]
    /// Statements absorbed by a queued one of their shape (tests read it).
    private(set) var coalesced = 0
    /// A snapshot's documents: writes go to them instead of MongoDB (see `SnapshotDocuments`).
    let snapshot: SnapshotDocuments?
    private var refused: (any Error)?

    init(mongo: MongoClient, chunkSize: Int = 500, steps: SyncSteps = SyncSteps(), collectingInto snapshot: SnapshotDocuments? = nil) {
        self.mongo = mongo
        self.chunkSize = chunkSize
        self.steps = steps
        self.snapshot = snapshot
    }

    /// `coalesce`: a guarded `$set` whose newest instance is all that matters (see the type's comment).
    func update(_ collection: String, filter: JSONValue, update: JSONValue, upsert: Bool = false, many: Bool = false,
                duplicateIsNoOp: Bool = false, coalesce: Bool = false) {
        if let snapshot {
            do { try snapshot.apply(collection, filter: filter, update: update, upsert: upsert, many: many) } catch { refused = refused ?? error }
            return
        }
        let fields = coalesce && !many ? update["$set"]?.objectValue.map { Set($0.map(\.0)) } : nil
        append(Statement(collection: collection, kind: .update,
                         body: ["q": filter, "u": update, "upsert": .bool(upsert), "multi": .bool(many)],
                         duplicateIsNoOp: duplicateIsNoOp, setFields: fields),
               document: many ? nil : filter[DocumentKey.id])
    }

    func delete(_ collection: String, filter: JSONValue) {
        if let snapshot {
            if let id = filter[DocumentKey.id] { snapshot.delete(collection, id: id) }
            return
        }
        append(Statement(collection: collection, kind: .delete, body: ["q": filter, "limit": 0], duplicateIsNoOp: false, setFields: nil),
               document: filter[DocumentKey.id])
    }

    private func append(_ statement: Statement, document id: JSONValue?) {
        guard let id, id.objectValue == nil else {
            // It may touch any document of its collection: nothing queued before it there may move past it.
            byDocument = byDocument.filter { $0.key.collection != statement.collection }
            pending.append(statement)
            return
        }
        let key = QueuedDocument(collection: statement.collection, id: id)
        if let fields = statement.setFields, let earlier = byDocument[key] {
            for index in earlier.reversed() {
                guard let queued = pending[index].setFields else { break }
                let sameShape = pending[index].body["q"]?.objectValue?.map(\.0) == statement.body["q"]?.objectValue?.map(\.0)
                    && pending[index].body["upsert"] == statement.body["upsert"]
                if queued == fields, sameShape {
                    // Commit order makes the later statement the newer; a replayed older one is refused by the guard.
                    if Self.guardPosition(statement.body) >= Self.guardPosition(pending[index].body) { pending[index] = statement }
                    coalesced += 1
                    return
                }
                if !queued.isDisjoint(with: fields) { break }
            }
        }
        byDocument[key, default: []].append(pending.count)
        pending.append(statement)
    }

    /// The position a guarded filter refuses at or beyond (`{field: {$not: {$gte: position}}}`), "" if none.
    private static func guardPosition(_ body: JSONValue) -> String {
        for (_, condition) in body["q"]?.objectValue ?? JSONObject() {
            if let position = condition["$not"]?["$gte"]?.stringValue { return position }
        }
        return ""
    }

    /// Sends everything queued, in order (collecting a snapshot: nothing to send; throws a write it refused).
    func flush() async throws {
        if let refused { throw refused }
        var start = 0
        while start < pending.count {
            var end = start + 1
            while end < pending.count, end - start < chunkSize,
                  pending[end].collection == pending[start].collection, pending[end].kind == pending[start].kind { end += 1 }
            try await send(pending[start..<end])
            start = end
        }
        pending.removeAll(keepingCapacity: true)
        byDocument.removeAll(keepingCapacity: true)
    }

    private func send(_ statements: ArraySlice<Statement>) async throws {
        var remaining = statements
        while let first = remaining.first {
            let command: JSONValue = first.kind == .update
                ? ["update": .string(first.collection), "updates": .array(remaining.map(\.body)), "ordered": true]
                : ["delete": .string(first.collection), "deletes": .array(remaining.map(\.body)), "ordered": true]
            let reply = try await steps.measure(.mongoWrites, .mongoCommand(command)) { try await mongo.command(command) }
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
