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
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        var table = "\n| the snapshot's store requests | requests | seconds | rows/s |\n|---|---|---|---|\n"
        for (store, figures) in replay.byStore.sorted(by: { $0.key < $1.key }) {
            table += "| \(store), replayed alone " + String(format: "| %d | %.2f | |\n", figures.requests, seconds(figures.time))
        }
        table += "| all, replayed one at a time (the ceiling) " + String(format: "| %d | %.2f | %.0f |\n", replay.requests, seconds(replay.total),
                                                                      Double(rows) / seconds(replay.total))
        table += "| the sync's snapshot, \(snapshotChunkRows) rows per chunk " + String(format: "| | %.2f | %.0f |\n", seconds(took),
                                                                                          Double(rows) / seconds(took))
        print(table + String(format: "\n%d rows; the sync's time / the ceiling's: %.2fx; %d cores", rows, seconds(took) / seconds(replay.total),
                             ProcessInfo.processInfo.activeProcessorCount))
    }
}
