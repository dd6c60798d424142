import Foundation
import Stores
import Sync
import Synchronization

/// The bare-store ceiling for a sync benchmark: every request the sync sent to MongoDB, the search index and Redis
/// during the run, sent again in the same order from plain clients with no sync logic (no decoding, no projection,
/// no waiting on the WAL), one at a time, into emptied read models. What the load's requests cost the stores
/// themselves is the figure the sync's own time is read against.
final class StoreCeiling: Sendable {
    private let operations = Mutex<[StoreOperation]>([])

    /// The recorder to hand to `SyncSteps`.
    var recorder: SyncSteps.Recorder { { [self] operation in operations.withLock { $0.append(operation) } } }

    /// How many requests were recorded so far (the load's start is a mark in the recording).
    var count: Int { operations.withLock { $0.count } }

    struct Replay {
        var requests = 0
        var total = Duration.zero
        var byStore: [String: (requests: Int, time: Duration)] = [:]
    }

    /// Empties the read models, sends the requests before `loadStart` again untimed (the state the load began on),
    /// then the load's requests, timed.
    func replay(into pipeline: SyncPipeline, loadStart: Int) async throws -> Replay {
        let recorded = operations.withLock { $0 }
        try await pipeline.emptyReadModels()
        try await pipeline.indexes.ensure(pipeline.search)
        try await pipeline.ensureMongoIndexes()

        for operation in recorded[..<loadStart] {
            try await operation.send(mongo: pipeline.mongo, search: pipeline.search, redis: pipeline.redis)
        }
        var replay = Replay()
        let clock = ContinuousClock()
        for operation in recorded[loadStart...] {
            let start = clock.now
            try await operation.send(mongo: pipeline.mongo, search: pipeline.search, redis: pipeline.redis)
            let took = clock.now - start
            replay.requests += 1
            replay.total += took
            replay.byStore[operation.store, default: (0, .zero)].requests += 1
            replay.byStore[operation.store, default: (0, .zero)].time += took
        }
        return replay
    }
}
