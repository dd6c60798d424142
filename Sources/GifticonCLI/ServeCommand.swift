import ArgumentParser
import Commands
import Foundation
import Gateway
import Hummingbird
import Logging
import ReadModels
import Stores
import Sync
import Telemetry

/// `gifticon serve`: the GraphQL gateway on GATEWAY_PORT (default 8080): queries from the read models, mutations
/// into the command side.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the GraphQL gateway (POST/GET /graphql, GraphiQL, /health/*, /metrics).")

    @Option(help: "Port (default: $GATEWAY_PORT, else 8080).")
    var port: Int?

    @Option(help: "Address to listen on (default: $GATEWAY_HOST, else 127.0.0.1).")
    var host: String?

    @Option(help: "Prefix of the search index names the sync writes.")
    var indexPrefix = ""

    @Option(help: "Prefix of the Redis keys the sync writes.")
    var redisPrefix = "gifticon:"

    @Option(help: "Seconds between expiry runs (ON_SALE listings past their due date become EXPIRED); 0: never (default: $GATEWAY_EXPIRY_INTERVAL_S, else 60).")
    var expiryInterval: Int?

    func run() async throws {
        // With TZ unset, glibc re-reads /etc/localtime for every log line's timestamp (a stat per request); naming
        // the same zone explicitly lets it keep what it read.
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 1) }
        LoggingSystem.bootstrap { label in BufferedLogHandler(label: label) }
        var logger = Logger(label: "gifticon.gateway")
        logger.logLevel = .info
        var configuration = GatewayConfiguration.fromEnvironment()
        if let port { configuration.port = port }
        if let host { configuration.host = host }
        if configuration.jwtSecret == nil {
            logger.warning("GATEWAY_JWT_SECRET is not set: every mutation will answer UNAUTHENTICATED")
        }
        let settings = StoreSettings.fromEnvironment()
        let readModels = ReadModelStores.connect(
            mongoURI: settings.mongoURI, searchURL: settings.searchURL, redisURL: settings.redisURL, timeout: configuration.storeTimeout,
            indexes: SearchIndexes(prefix: indexPrefix), keys: RedisKeys(prefix: redisPrefix))
        let commands = CommandRunner(database: PostgresClient(url: settings.databaseURL, maxConnections: 8))
        let service = try GraphQLService(readModels: readModels, commands: commands, configuration: configuration, logger: logger)
        let (host, announce) = (configuration.host, logger)
        let traces = try TraceExport.bootstrap(serviceName: "gifticon-gateway", environment: ProcessInfo.processInfo.environment, logger: logger)
        let app = try GatewayServer(service: service).application(services: traces.map { [$0] } ?? []) { port in
            print("gateway: GraphiQL at http://\(host):\(port)/graphql")
            announce.info("gateway listening", metadata: ["graphiql": "http://\(host):\(port)/graphql"])
        }
        // Expiry on a schedule, on the command side: safe with any number of gateways doing the same.
        let expirySeconds = expiryInterval ?? ProcessInfo.processInfo.environment["GATEWAY_EXPIRY_INTERVAL_S"].flatMap(Int.init) ?? 60
        let expiry = expirySeconds > 0
            ? Task { await ExpirySchedule(runner: commands, interval: .seconds(expirySeconds)).run(logger: logger) } : nil
        defer { expiry?.cancel() }
        try await app.runService()
        await service.stopLiveFeed()
    }
}
