import ArgumentParser
import Commands
import Foundation
import Logging
import Seeding
import Stores
import Sync

/// `gifticon-bench rebuild`: the seeded dataset's snapshot into empty read models (what `gifticon sync rebuild
/// --snapshot-only` does), then the same store requests sent again one at a time from plain clients (the bare-store
/// ceiling), side by side. Works in a database, slot, MongoDB database and prefixes of its own.
struct BenchRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Benchmark the sync's snapshot of the seeded dataset beside its bare-store ceiling.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Rows of a table per chunk of the snapshot (1 to 5,000).")
    var snapshotChunkRows = 1_000

    func run() async throws {
        let base = database.databaseURL ?? StoreSettings.fromEnvironment().databaseURL
        let scratch = try await ScratchSync.create(base: base, name: "gifticon_bench_rebuild_\(ProcessInfo.processInfo.processIdentifier)",
                                                   refreshSearch: false)
        try await scratch.use { try await measure($0) }
    }

    func measure(_ scratch: ScratchSync) async throws {
        let client = PostgresClient(url: scratch.url, maxConnections: 1)
        try await Migrator(database: client).migrate()
        _ = try await Seeder(database: client).run()
        await client.shutdown()

        var pipeline = scratch.pipeline
        pipeline.snapshotChunkRows = snapshotChunkRows
        var logger = Logger(label: "gifticon.bench-rebuild")
        logger.logLevel = .warning
        let ceiling = StoreCeiling()
        let metrics = SyncMetrics(interval: 3600, steps: SyncSteps(recorder: ceiling.recorder))
        let stream = try await pipeline.stream(logger: logger, metrics: metrics)
        let clock = ContinuousClock()
        let begin = clock.now
        try await stream.run(stopAfter: 0)
        let took = clock.now - begin
        let rows = metrics.progress.changes
        print(BenchSyncCommand.profile(metrics.steps.recorded, since: [:], transactions: metrics.progress.transactions))

        let replay = try await ceiling.replay(into: pipeline, loadStart: 0)
        print(replay.table(requestsOf: "the snapshot", rows: rows, sync: "the sync's snapshot, \(snapshotChunkRows) rows per chunk", took: took)
              + "; \(rows) rows; \(ProcessInfo.processInfo.activeProcessorCount) cores")
    }
}
