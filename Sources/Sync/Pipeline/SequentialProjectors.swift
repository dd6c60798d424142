import Stores

/// Projectors that must see a transaction one after another: the search projector indexes what the document
/// projector has just written. The group acknowledges only when every member has.
public struct SequentialProjectors: Projector {
    public let name: String
    let members: [any Projector]

    public init(_ members: [any Projector]) {
        self.members = members
        name = members.map(\.name).joined(separator: "+")
    }

    public func apply(_ transaction: CommittedTransaction) async throws {
        for member in members { try await member.apply(transaction) }
    }

    public func apply(batch: [CommittedTransaction]) async throws {
        for member in members { try await member.apply(batch: batch) }
    }

    public func applySnapshot(_ batches: [CommittedTransaction]) async throws {
        for member in members { try await member.applySnapshot(batches) }
    }

    public func snapshotApplied(at lsn: LSN) async throws {
        for member in members { try await member.snapshotApplied(at: lsn) }
    }

    public func applyChunk(_ chunk: CommittedTransaction) async throws {
        for member in members { try await member.applyChunk(chunk) }
    }

    public func snapshotCompleted(since: LSN) async throws {
        for member in members { try await member.snapshotCompleted(since: since) }
    }

    public func positionAdvanced(to lsn: LSN) async throws {
        for member in members { try await member.positionAdvanced(to: lsn) }
    }
}
