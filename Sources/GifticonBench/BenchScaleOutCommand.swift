import ArgumentParser
import Commands
import Foundation
import Logging
import ReadModels
import Stores
import Sync

/// `gifticon-bench scale-out`: the Kafka path with 1, 2, 3... projector members, each a `gifticon sync project`
/// process of its own, under the same open-loop load. For each count: commit-to-visible lag (until the applied
/// position, the low watermark over partitions, passes the command's consistency token: what a reader waiting on
/// the token sees), throughput, and the CPU each member and each store's server used.
struct BenchScaleOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale-out", abstract: "Benchmark the Kafka path's split across 1..N projector members (processes).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Member counts to measure, in order (comma-separated).")
    var members = "1,2,3"

    @Option(help: "Commands per second (open loop).")
    var rate = 200

    @Option(help: "Seconds of steady load per member count.")
    var seconds = 20

    @Option(help: "Partitions of every topic.")
    var partitions = 6

    func validate() throws {
        guard rate > 0, seconds > 0, (1...64).contains(partitions) else { throw ValidationError("--rate and --seconds must be positive, --partitions 1-64") }
        guard !counts.isEmpty, counts.allSatisfy({ (1...partitions).contains($0) }) else { throw ValidationError("--members: counts from 1 to --partitions") }
    }

    var counts: [Int] { members.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() async throws {
        let base = database.databaseURL ?? StoreSettings.fromEnvironment().databaseURL
        print("| members | offered/s | commands | lag p50 ms | lag p99 ms | lag max ms | drained after s | applied/s | CPU per member (% of a core) | relay + load % | MongoDB % | search % | PostgreSQL % | Redis % | broker % |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for count in counts {
            let scratch = try await ScratchSync.create(base: base, name: "gifticon_bench_scale_\(count)_\(ProcessInfo.processInfo.processIdentifier)",
                                                       refreshSearch: false)
            try await scratch.use { try await measure(members: count, url: $0.url, pipeline: $0.pipeline) }
        }
        print("\n\(ProcessInfo.processInfo.activeProcessorCount) cores; load average before the last count: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?")")
    }

    func measure(members count: Int, url: String, pipeline: SyncPipeline) async throws {
        let (load, client) = try await MarketLoad.seed(url: url)
        let runner = load.runner
        var logger = Logger(label: "gifticon.bench-scale-out")
        logger.logLevel = .warning

        let settings = StoreSettings.fromEnvironment()
        let producer = try KafkaProducer(brokers: settings.kafkaBrokers)
        let topics = KafkaTopics(prefix: pipeline.slot, partitions: partitions)
        let relayStream = try await pipeline.relay(producer: producer, topics: topics, logger: logger)
        let relay = Task { try await relayStream.run() }
        let processes = try (1...count).map { number in try startMember(number, url: url, pipeline: pipeline) }
        defer {
            for process in processes where process.isRunning { process.terminate(); process.waitUntilExit() }
        }
        // The load starts once the members have applied the snapshot and the group has settled (a member that
        // joins late makes every member hand its partitions back, eagerly): a marker command is applied after it.
        let positions = AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, try await positions.current() == nil { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .seconds(3))
        let marker = try await runner.run(ChangePrice(gifticonId: load.gifticons[0], sellerId: load.seller, price: Price(basePrice: 5000, salePrice: 4400)))
        while Date() < deadline, (try await positions.current()).map({ $0 < marker.consistencyToken }) ?? true { try await Task.sleep(for: .milliseconds(20)) }

        let usage = ProcessUsage(members: processes.map(\.processIdentifier))
        let before = usage.sample()
        let clock = ContinuousClock()
        let begin = clock.now
        let commits = MarketLoad.CommitLog()
        let probe = Task { try await LagProbe.watch(commits, positions: positions) }
        let outcome = await load.run(rate: rate, seconds: seconds, commits: commits)
        let drainDeadline = Date().addingTimeInterval(300)
        while Date() < drainDeadline, let target = outcome.lastToken, (try await positions.current()).map({ $0 < target }) ?? true {
            try await Task.sleep(for: .milliseconds(20))
        }
        let drained = clock.now - begin
        let after = usage.sample()
        probe.cancel()
        let lags = ((try? await probe.value) ?? []).sorted()
        relay.cancel()
        _ = try? await relay.value
        producer.close()
        await client.shutdown()

        let wall = Double(drained.components.seconds) + Double(drained.components.attoseconds) / 1e18
        func percentile(_ p: Double) -> Double { lags.isEmpty ? .nan : lags[min(lags.count - 1, Int(Double(lags.count) * p))] }
        func percent(_ key: String) -> String { String(format: "%.0f", (after[key, default: 0] - before[key, default: 0]) / wall * 100) }
        let perMember = (1...count).map { percent("member \($0)") }.joined(separator: " / ")
        print(String(format: "| %d | %d | %d | %.0f | %.0f | %.0f | %.1f | %.0f |", count, rate, outcome.commits.count,
                     percentile(0.5), percentile(0.99), percentile(1), wall, Double(outcome.commits.count) / wall)
              + " \(perMember) | \(percent("bench")) | \(percent("mongo")) | \(percent("search")) | \(percent("postgres")) | \(percent("redis")) | \(percent("broker")) |")
    }

    /// `gifticon sync project` as a member of the scratch run's group, beside this benchmark's own executable.
    func startMember(_ number: Int, url: String, pipeline: SyncPipeline) throws -> Process {
        let settings = StoreSettings.fromEnvironment()
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gifticon")
        let mongoURI = settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(pipeline.slot)$1", options: .regularExpression)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sync", "project", "--from", "kafka", "--group", pipeline.slot, "--member", "bench-\(number)",
                             "--topic-prefix", pipeline.slot, "--index-prefix", "\(pipeline.slot)_", "--redis-prefix", "\(pipeline.slot):"]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = url
        environment["MONGODB_URI"] = mongoURI
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
