import ArgumentParser
import Foundation
import Logging
import Stores
import Sync
import Telemetry

/// `gifticon sync relay`: the WAL to Kafka, as Debezium's PostgreSQL connector publishes it.
struct SyncRelayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relay",
        abstract: "Publish every committed change to Kafka as Debezium envelopes (snapshot first), confirming the slot after the broker acknowledged.")

    @Option(help: "The relay's logical replication slot.")
    var slot = "gifticon_relay"

    @Option(help: "Topic prefix: changes go to <prefix>.public.<table>, transactions to <prefix>.transaction.")
    var topicPrefix = "gifticon"

    @Option(help: ArgumentHelp(
        "Partitions of every topic: the most projector members that share the work.",
        discussion: "A gifticon's rows go to partition (gifticon id mod N), a review to (seller id mod N); users, brands, categories and tags to every partition. Existing topics must have N partitions."))
    var partitions = 6

    @Option(help: "Prefix of the Redis keys (the relay keeps its published position under <prefix>relay:).")
    var redisPrefix = "gifticon:"

    @Option(help: "Serve Prometheus /metrics on this port (0: any free port, logged; default: off).")
    var metricsPort: Int?

    @Option(help: "Address the /metrics server listens on.")
    var metricsHost = "127.0.0.1"

    func validate() throws {
        guard (1...1_000).contains(partitions) else { throw ValidationError("--partitions must be 1 to 1000, not \(partitions)") }
    }

    func run() async throws {
        var logger = Logger(label: "gifticon.sync.relay")
        logger.logLevel = .info
        let settings = StoreSettings.fromEnvironment()
        let pipeline = SyncOptions.pipeline(slot: slot, redisPrefix: redisPrefix)
        let producer = try KafkaProducer(brokers: settings.kafkaBrokers)
        defer { producer.close() }
        logger.info("relay starting", metadata: ["slot": "\(slot)", "brokers": "\(settings.kafkaBrokers)", "topics": "\(topicPrefix).*", "partitions": "\(partitions)"])
        let stream = try await pipeline.relay(producer: producer, topics: KafkaTopics(prefix: topicPrefix, partitions: partitions), logger: logger,
                                              metrics: SyncMetricsEndpoint.metrics(servedOn: metricsPort, host: metricsHost, logger: logger))
        do {
            try await TraceExport.running(serviceName: "gifticon-sync-relay", environment: ProcessInfo.processInfo.environment,
                                          logger: logger) { try await stream.run() }
        } catch {
            logger.error("relay stopped", metadata: ["error": "\(error)"])
            throw error
        }
    }
}

/// `gifticon sync project --from kafka`: the read models fed from the relay's topics, in a consumer group.
struct SyncProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project changes from a transport into every read model (runs until stopped).")

    enum Source: String, ExpressibleByArgument { case kafka }

    @Option(help: "Where the changes come from (kafka).")
    var from: Source = .kafka

    @Option(help: "The consumer group (members share the topics' partitions; offsets are committed per group).")
    var group = "gifticon-projector"

    @Option(help: ArgumentHelp(
        "This member's stable id in the group: restarted with the same id, it takes its partitions back at once.",
        discussion: "Each member needs an id of its own (the pod's name, say). Without one, a member belongs to the group only while it is connected."))
    var member: String?

    @Option(help: "Topic prefix the relay publishes under.")
    var topicPrefix = "gifticon"

    @OptionGroup var options: SyncOptions

    func run() async throws {
        var logger = Logger(label: "gifticon.sync.kafka")
        logger.logLevel = .info
        let settings = StoreSettings.fromEnvironment()
        let projection = try await options.pipeline().kafkaProjection(
            brokers: settings.kafkaBrokers, groupID: group, member: member, topics: KafkaTopics(prefix: topicPrefix), logger: logger,
            metrics: options.metrics(logger: logger))
        logger.info("projecting from kafka", metadata: ["group": "\(group)", "member": "\(member ?? "-")", "topics": "\(topicPrefix).*"])
        do {
            try await TraceExport.running(serviceName: "gifticon-sync-projector", environment: ProcessInfo.processInfo.environment,
                                          logger: logger) { try await projection.run() }
        } catch {
            logger.error("projection stopped", metadata: ["error": "\(error)"])
            throw error
        }
    }
}
