import Commands
import Foundation
import Gateway
import Hummingbird
import Logging
import ReadModels
import Stores
import Sync
import Testing
import StoreTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A gateway of one test's own on a free port, over the real stack: a command database of its own (migrated), a
/// MongoDB database, search indexes and Redis keys of its own, and, with `sync: true`, the sync running in-process
/// so mutations reach the read models.
final class GatewayHarness: @unchecked Sendable {
    static let secret = "gateway-test-secret"
    let name: String
    let port: Int
    let service: GraphQLService
    let readModels: ReadModelStores
    let databaseURL: String?
    private let serverTask: Task<Void, any Error>
    private let syncTask: Task<Void, any Error>?
    private let slot: String
    private let adminURL: String

    /// `prepare` runs on the test's migrated command database (its URL) before the sync starts: what it writes arrives
    /// through the sync's snapshot.
    /// `storeTimeout`: the read-model clients as the product makes them (`ReadModelStores.connect`), every wait bounded
    /// by it; nil: the tests' usual clients, with the stores' generous defaults.
    init(sync: Bool, configure: (inout GatewayConfiguration) -> Void = { _ in }, redisURL: String? = nil,
         searchURL: String? = nil, mongoURI: String? = nil, storeTimeout: Duration? = nil,
         prepare: ((String) async throws -> Void)? = nil) async throws {
        let settings = StoreSettings.fromEnvironment()
        name = "gw_test_\(UInt32.random(in: 0...UInt32.max))"
        slot = "slot_\(name)"
        adminURL = settings.databaseURL
        let mongoURI = (mongoURI ?? settings.mongoURI).replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression)
        if let storeTimeout {
            readModels = ReadModelStores.connect(
                mongoURI: mongoURI, searchURL: searchURL ?? settings.searchURL, redisURL: redisURL ?? settings.redisURL, timeout: storeTimeout,
                maxConnections: 4, indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "test:\(name):"))
        } else {
            readModels = ReadModelStores(
                mongo: MongoClient(uri: mongoURI, maxConnections: 4), search: SearchClient(baseURL: searchURL ?? settings.searchURL, maxConnections: 4),
                redis: RedisClient(url: redisURL ?? settings.redisURL, maxConnections: 4, acquireTimeout: .seconds(2)),
                indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "test:\(name):"))
        }
        var commands: CommandRunner?
        if sync {
            let admin = try PostgresConnection(url: settings.databaseURL)
            try admin.execute("CREATE DATABASE \(name)")
            admin.close()
            let url = settings.databaseURL.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression)
            databaseURL = url
            let database = PostgresClient(url: url, maxConnections: 4)
            try await Migrator(database: database).migrate()
            try await prepare?(url)
            commands = CommandRunner(database: database)
            let pipeline = SyncPipeline(databaseURL: url, slot: slot, mongo: readModels.mongo, search: readModels.search,
                                        redis: readModels.redis, indexes: readModels.indexes, keys: readModels.keys, refreshSearch: true)
            var logger = Logger(label: "test.sync")
            logger.logLevel = .warning
            let stream = try await pipeline.stream(logger: logger)
            // A sync that stops (refused a replication slot, say) is the test's issue at once, not a timeout later.
            syncTask = Task {
                do { try await stream.run() } catch {
                    if !Task.isCancelled, !(error is CancellationError) { Issue.record("the gateway's sync stopped: \(error)") }
                    throw error
                }
            }
        } else {
            databaseURL = nil
            // The indexes through a client of the setup's own: a test's short store timeout is for what it measures.
            let setup = SearchClient(baseURL: searchURL ?? settings.searchURL, maxConnections: 1)
            try await readModels.indexes.ensure(setup)
            await setup.shutdown()
            syncTask = nil
        }
        var configuration = GatewayConfiguration()
        configuration.port = 0
        configuration.jwtSecret = Self.secret
        // The product's 10 s deadline is for one request on a served stack; here the whole suite shares two cores and
        // the stand-in stores, and a first request once took longer (tests about the deadline set their own).
        configuration.requestTimeout = .seconds(45)
        configuration.readinessTimeout = .seconds(10)   // the same reason: a first check opens connections on a loaded machine
        configure(&configuration)
        var logger = Logger(label: "test.gateway")
        logger.logLevel = .warning
        service = try GraphQLService(readModels: readModels, commands: commands, configuration: configuration, logger: logger)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        // The server's own logger stays quiet: stopping it by cancellation logs an error for every open connection.
        var serverLogger = Logger(label: "test.gateway.server")
        serverLogger.logLevel = .critical
        let app = try GatewayServer(service: service).application(logger: serverLogger) { port in continuation.yield(port) }
        serverTask = Task { try await app.run() }
        var iterator = stream.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw HarnessError("the gateway did not start") }
        port = bound
    }

    /// Another gateway instance on the same read models and command database (as a second pod would be), on a
    /// port of its own; its port and how to stop it.
    func anotherInstance() async throws -> (port: Int, stop: @Sendable () async -> Void) {
        var configuration = service.configuration
        configuration.port = 0
        var logger = Logger(label: "test.gateway.second")
        logger.logLevel = .warning
        let second = try GraphQLService(readModels: readModels, commands: nil, configuration: configuration, logger: logger)
        var quiet = logger
        quiet.logLevel = .critical
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = try GatewayServer(service: second).application(logger: quiet) { port in continuation.yield(port) }
        let task = Task { try await app.run() }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw HarnessError("the second gateway did not start") }
        return (port, {
            await second.stopLiveFeed()
            task.cancel()
        })
    }

    /// Waits until the gateway on `port` (this one's by default) follows `count` subscriptions: a change committed
    /// after this reaches them.
    func waitForSubscriptions(_ count: Int, port: Int? = nil) async throws {
        try await Self.waitForSubscriptions(count, port: port ?? self.port)
    }

    /// The same for any gateway on `port` (one a test started as a process).
    static func waitForSubscriptions(_ count: Int, port: Int) async throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let open = try? await metric("gateway_subscriptions", port: port), Int(open) >= count { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("the gateway did not open \(count) subscriptions within 30 s")
    }

    /// A value of the gateway's `/metrics` (on `port`, this one's by default): the line `name value`; nil without it.
    func metric(_ name: String, port: Int? = nil) async throws -> Double? {
        try await Self.metric(name, port: port ?? self.port)
    }

    /// A value of `/metrics` of the gateway on `port`.
    static func metric(_ name: String, port: Int) async throws -> Double? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        request.timeoutInterval = 5
        let text = String(decoding: try await URLSession.shared.data(for: request).0, as: UTF8.self)
        return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last!) }
    }

    /// Stops the server and the sync; drops the test's database, slot, MongoDB database, indexes and keys.
    func shutdown() async {
        await service.stopLiveFeed()
        serverTask.cancel()
        syncTask?.cancel()
        _ = try? await syncTask?.value
        await dropTestReadModels(mongo: readModels.mongo, search: readModels.search, redis: readModels.redis,
                                 indexes: readModels.indexes, keyPrefix: readModels.keys.prefix)
        if databaseURL != nil, let admin = try? PostgresConnection(url: adminURL) {
            dropSlot(slot, on: admin)
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// A bearer token for `user`; `admin` grants the admin role, which catalog mutations need.
    func token(user: Int64, admin: Bool = false) -> String {
        JWTSigner(secret: Self.secret).token(userID: user, roles: admin ? [.admin] : [])
    }

    // MARK: HTTP

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var data: [String: Any]? { object["data"] as? [String: Any] }
        var errors: [[String: Any]] { object["errors"] as? [[String: Any]] ?? [] }
        var codes: [String] { errors.compactMap { ($0["extensions"] as? [String: Any])?["code"] as? String } }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    func send(_ method: String = "POST", path: String = "/graphql", query: String = "", headers: [String: String] = [:],
              body: Data? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)\(query)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// POSTs a GraphQL request as JSON.
    func graphql(_ query: String, variables: [String: Any]? = nil, operationName: String? = nil, token: String? = nil,
                 accept: String = "application/graphql-response+json", extraHeaders: [String: String] = [:]) async throws -> Reply {
        var payload: [String: Any] = ["query": query]
        if let variables { payload["variables"] = variables }
        if let operationName { payload["operationName"] = operationName }
        var headers = ["Content-Type": "application/json", "Accept": accept]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        headers.merge(extraHeaders) { _, b in b }
        return try await send(headers: headers, body: try JSONSerialization.data(withJSONObject: payload))
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `a.b.0.c` into a decoded JSON value.
func dig(_ value: Any?, _ path: String) -> Any? {
    var current = value
    for part in path.split(separator: ".") {
        if let index = Int(part), let list = current as? [Any] {
            current = list.indices.contains(index) ? list[index] : nil
        } else {
            current = (current as? [String: Any])?[String(part)]
        }
    }
    return current
}

/// Runs `body` against a gateway of its own, then shuts it down (also when the body throws).
func withGateway(sync: Bool = false, configure: (inout GatewayConfiguration) -> Void = { _ in }, redisURL: String? = nil,
                 searchURL: String? = nil, mongoURI: String? = nil, storeTimeout: Duration? = nil,
                 prepare: ((String) async throws -> Void)? = nil,
                 _ body: (GatewayHarness) async throws -> Void) async throws {
    let gateway = try await GatewayHarness(sync: sync, configure: configure, redisURL: redisURL, searchURL: searchURL,
                                           mongoURI: mongoURI, storeTimeout: storeTimeout, prepare: prepare)
    do {
        try await body(gateway)
    } catch {
        await gateway.shutdown()
        throw error
    }
    await gateway.shutdown()
}
