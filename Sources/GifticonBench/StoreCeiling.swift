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

        /// The replay beside the sync's own time for the same `rows`, and their ratio, as BENCHMARKS.md shows them.
        func table(requestsOf subject: String, rows: Int, sync: String, took: Duration) -> String {
            func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            var table = "\n| \(subject)'s store requests | requests | seconds | rows/s |\n|---|---|---|---|\n"
            for (store, figures) in byStore.sorted(by: { $0.key < $1.key }) {
                table += "| \(store), replayed alone " + String(format: "| %d | %.2f | |\n", figures.requests, seconds(figures.time))
            }
            table += "| all, replayed one at a time (the ceiling) " + String(format: "| %d | %.2f | %.0f |\n", requests, seconds(total),
                                                                          Double(rows) / seconds(total))
            table += "| \(sync) " + String(format: "| | %.2f | %.0f |\n", seconds(took), Double(rows) / seconds(took))
            return table + String(format: "\nthe sync's time / the ceiling's: %.2fx", seconds(took) / seconds(total))
        }
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
