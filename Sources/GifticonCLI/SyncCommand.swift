import ArgumentParser
import Foundation
import Logging
import ReadModels
import Stores
import Sync
import Telemetry

/// `gifticon sync`: the embedded change data capture, from PostgreSQL's WAL into MongoDB, the search index and Redis.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Project every committed change into the read models (runs until stopped).",
        subcommands: [SyncRunCommand.self, SyncRebuildCommand.self, SyncRelayCommand.self, SyncProjectCommand.self],
        defaultSubcommand: SyncRunCommand.self)
}

/// The connection settings and slot every sync subcommand shares.
struct SyncOptions: ParsableArguments {
    @Option(help: "The logical replication slot (one per running sync).")
    var slot = "gifticon_sync"

    @Option(help: "Prefix of the search index names (default: none: `gifticons`, `reviews`).")
    var indexPrefix = ""

    @Option(help: "Prefix of the Redis keys.")
    var redisPrefix = "gifticon:"

    @Option(help: "Serve Prometheus /metrics on this port (0: any free port, logged; default: off).")
    var metricsPort: Int?

    // A container's Prometheus scrapes from another host: 0.0.0.0 there; loopback stays the default.
    @Option(help: "Address the /metrics server listens on.")
    var metricsHost = "127.0.0.1"

    func metrics(logger: Logger) -> SyncMetrics { SyncMetricsEndpoint.metrics(servedOn: metricsPort, host: metricsHost, logger: logger) }

    @Option(help: "Rows of a table per chunk of the initial snapshot, 1 to 5,000 (a gifticon's price, images and tags come with it).")
    var snapshotChunkRows = 1_000

    func pipeline() -> SyncPipeline {
        var pipeline = Self.pipeline(slot: slot, indexPrefix: indexPrefix, redisPrefix: redisPrefix)
        pipeline.snapshotChunkRows = snapshotChunkRows
        return pipeline
    }

    static func pipeline(slot: String, indexPrefix: String = "", redisPrefix: String) -> SyncPipeline {
        let settings = StoreSettings.fromEnvironment()
        return SyncPipeline(
            databaseURL: settings.databaseURL, slot: slot, mongo: MongoClient(uri: settings.mongoURI),
            search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
            indexes: SearchIndexes(prefix: indexPrefix), keys: RedisKeys(prefix: redisPrefix))
    }
}

struct SyncRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Snapshot on first start, then stream the WAL into every read model.")

    @OptionGroup var options: SyncOptions

    @Option(help: "Stop after applying this many transactions after the snapshot (default: run until stopped).")
    var stopAfter: Int?

    func run() async throws {
        var logger = Logger(label: "gifticon.sync")
        logger.logLevel = .info
        let pipeline = options.pipeline()
        logger.info("sync starting", metadata: ["slot": "\(options.slot)"])
        try await runUntilStopped(pipeline, stopAfter: stopAfter, logger: logger, metrics: options.metrics(logger: logger))
    }
}

struct SyncRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Empty every read model and rebuild it from a new snapshot, then keep streaming (stop the running sync first).")

    @OptionGroup var options: SyncOptions

    @Flag(help: "Stop once the snapshot is applied instead of streaming on.")
    var snapshotOnly = false

    func run() async throws {
        var logger = Logger(label: "gifticon.sync")
        logger.logLevel = .info
        let pipeline = options.pipeline()
        try await pipeline.resetReadModels()
        logger.info("read models emptied; rebuilding from a new snapshot", metadata: ["slot": "\(options.slot)"])
        try await runUntilStopped(pipeline, stopAfter: snapshotOnly ? 0 : nil, logger: logger, metrics: options.metrics(logger: logger))
    }
}

/// Runs the stream; a store outage ends the run with its message after the stream stopped without confirming,
/// and the next run starts again from the last confirmed transaction.
func runUntilStopped(_ pipeline: SyncPipeline, stopAfter: Int?, logger: Logger, metrics: SyncMetrics) async throws {
    let stream = try await pipeline.stream(logger: logger, metrics: metrics)
    do {
        try await TraceExport.running(serviceName: "gifticon-sync", environment: ProcessInfo.processInfo.environment,
                                      logger: logger) { try await stream.run(stopAfter: stopAfter) }
    } catch {
        logger.error("sync stopped", metadata: ["error": "\(error)"])
        throw error
    }
    logger.info("sync finished")
}
