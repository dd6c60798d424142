import Foundation
import ReadModels
import Stores
import Testing
import StoreTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What deploy/prometheus/prometheus.yml relies on, end to end: a real Prometheus (Debian's, which
/// Tests/deploy/test_deploy.sh installs for scripts/test) scrapes a gateway and a `gifticon sync run --metrics-port`
/// process over the stack, and its query API answers a gateway metric and a sync metric with sane values. A parse
/// problem in either exposition (Prometheus refuses the whole scrape) or a sync that serves nothing fails here.
@Suite struct PrometheusScrapeTests {
    static let prometheusBinary = ["/usr/bin/prometheus", "/usr/local/bin/prometheus"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func prometheusScrapesTheGatewayAndTheSync() async throws {
        let prometheus = try #require(Self.prometheusBinary, "no prometheus binary: run scripts/test, or Tests/deploy/test_deploy.sh, which install Debian's prometheus")
        let gifticon = GracefulShutdownTests.binary.path
        try #require(FileManager.default.isExecutableFile(atPath: gifticon), "no \(gifticon): swift build first")

        try await withGateway(sync: true) { gateway in
            let settings = StoreSettings.fromEnvironment()
            let databaseURL = try #require(gateway.databaseURL)
            // The sync process gets read models of its own beside the harness's in-process sync (same database,
            // another slot), so the two never write the same documents.
            let own = "\(gateway.name)_prom"
            let mongoURI = settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(own)$1", options: .regularExpression)
            let (slot, indexPrefix, redisPrefix) = ("slot_\(own)", "\(own)_", "test:\(own):")
            let indexes = SearchIndexes(prefix: indexPrefix)
            let syncPort = try OwnServer.freePort()
            let sync = OwnServer(
                name: "gifticon-sync", executable: gifticon,
                arguments: ["sync", "run", "--slot", slot, "--index-prefix", indexPrefix, "--redis-prefix", redisPrefix,
                            "--metrics-port", String(syncPort)],
                environment: ["DATABASE_URL": databaseURL, "MONGODB_URI": mongoURI])
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(own)")
            var server: OwnServer?
            do {
                // A row before the sync starts (its snapshot has something to count), another once it streams.
                let db = try PostgresConnection(url: databaseURL)
                defer { db.close() }
                _ = try db.execute("INSERT INTO users (id, username, nickname) VALUES (1, 'seller', '판매자')")
                try await sync.start { await Self.answers("http://127.0.0.1:\(syncPort)/metrics") }

                try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
                let config = """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                      - job_name: gateway
                        static_configs: [{targets: ["127.0.0.1:\(gateway.port)"]}]
                      - job_name: sync
                        static_configs: [{targets: ["127.0.0.1:\(syncPort)"]}]
                    """
                try config.write(to: folder.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
                let port = try OwnServer.freePort()
                let started = OwnServer(name: "prometheus", executable: prometheus, arguments: [
                    "--config.file=\(folder.appendingPathComponent("prometheus.yml").path)",
                    "--storage.tsdb.path=\(folder.appendingPathComponent("data").path)",
                    "--web.listen-address=127.0.0.1:\(port)",
                ])
                server = started
                try await started.start { await Self.answers("http://127.0.0.1:\(port)/-/ready") }
                let api = PrometheusAPI(port: port)

                // Both targets scraped and healthy (an exposition Prometheus cannot parse makes up 0).
                for job in ["gateway", "sync"] {
                    let up = try await api.value(of: "up{job=\"\(job)\"}", until: { $0 == 1 })
                    #expect(up == 1, "job \(job) is up in Prometheus:\n\(started.logTail())")
                }
                // The snapshot is applied (so the slot streams what follows), then a streamed transaction.
                let snapshot = try await api.value(of: "sync_transactions_applied_total{job=\"sync\"}", until: { $0 >= 1 })
                try #require(snapshot.map { $0 >= 1 } == true, "the sync counted its snapshot:\n\(sync.logTail())")
                _ = try db.execute("INSERT INTO users (id, username, nickname) VALUES (2, 'buyer', '구매자')")
                // One query, so the gateway has a GraphQL answer to count.
                let reply = try await gateway.graphql("{ brands { name } }")
                #expect(reply.status == 200, "\(reply.text)")

                // The gateway's counter of answers, through Prometheus: at least that query.
                let queries = try await api.value(
                    of: "sum(gateway_requests_total{job=\"gateway\", operation=\"query\", status=\"200\"})", until: { $0 >= 1 })
                #expect(queries.map { $0 >= 1 } == true, "gateway_requests_total counts the query: \(String(describing: queries))")
                // The sync's applied position: past 0 and not past the command database's WAL.
                let transactions = try await api.value(of: "sync_transactions_applied_total{job=\"sync\"}", until: { $0 >= 2 })
                #expect(transactions.map { $0 >= 2 } == true, "the streamed insert is counted:\n\(sync.logTail())")
                let applied = try await api.value(of: "sync_applied_lsn_bytes{job=\"sync\"}", until: { $0 > 0 })
                let wal = try db.query("SELECT (pg_current_wal_lsn() - '0/0')::text").rows.first?.first ?? nil
                let current = try #require(wal.flatMap { Double($0) }, "the command database's WAL position")
                #expect(applied.map { $0 > 0 && $0 <= current } == true,
                        "sync_applied_lsn_bytes \(String(describing: applied)) is a position up to the WAL's \(current):\n\(sync.logTail())")
            } catch {
                await Self.cleanUp(sync: sync, prometheus: server, folder: folder, slot: slot, mongoURI: mongoURI, indexes: indexes,
                                   redisPrefix: redisPrefix, settings: settings)
                throw error
            }
            await Self.cleanUp(sync: sync, prometheus: server, folder: folder, slot: slot, mongoURI: mongoURI, indexes: indexes,
                               redisPrefix: redisPrefix, settings: settings)
        }
    }

    /// Whether `url` answers 200.
    static func answers(_ url: String) async -> Bool {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 2
        return ((try? await URLSession.shared.data(for: request))?.1 as? HTTPURLResponse)?.statusCode == 200
    }

    /// Stops the processes and removes what the sync process made: its slot first (a database with a slot cannot be
    /// dropped, which the harness does next), then its MongoDB database, search indexes and Redis keys.
    static func cleanUp(sync: OwnServer, prometheus: OwnServer?, folder: URL, slot: String, mongoURI: String, indexes: SearchIndexes,
                        redisPrefix: String, settings: StoreSettings) async {
        prometheus?.stop()
        sync.stop()
        try? FileManager.default.removeItem(at: folder)
        dropSlot(slot, url: settings.databaseURL)
        let mongo = MongoClient(uri: mongoURI, maxConnections: 1)
        let search = SearchClient(baseURL: settings.searchURL, maxConnections: 1)
        let redis = RedisClient(url: settings.redisURL, maxConnections: 1)
        await dropTestReadModels(mongo: mongo, search: search, redis: redis, indexes: indexes, keyPrefix: redisPrefix)
        await mongo.shutdown()
        await search.shutdown()
        await redis.shutdown()
    }
}

/// Prometheus' HTTP API: instant queries (`/api/v1/query`).
struct PrometheusAPI {
    let port: Int

    /// The first sample of `query`'s result, asked again every 500 ms until `accept` takes it or 90 s pass (the
    /// sync's first report follows its snapshot, which a loaded suite delays); nil when the result stays empty.
    func value(of query: String, until accept: (Double) -> Bool) async throws -> Double? {
        let deadline = Date().addingTimeInterval(90)
        var last: Double?
        while Date() < deadline {
            last = try await sample(query)
            if let last, accept(last) { return last }
            try await Task.sleep(for: .milliseconds(500))
        }
        return last
    }

    func sample(_ query: String) async throws -> Double? {
        var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
        components.queryItems = [URLQueryItem(name: "query", value: query)]
        var request = URLRequest(url: components.url!)
        request.timeoutInterval = 5
        let (data, _) = try await URLSession.shared.data(for: request)
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard body?["status"] as? String == "success" else { throw HarnessError("Prometheus refused \(query): \(String(decoding: data, as: UTF8.self))") }
        // {"data": {"resultType": "vector", "result": [{"metric": {...}, "value": [time, "1"]}]}}
        let result = (body?["data"] as? [String: Any])?["result"] as? [[String: Any]]
        return (result?.first?["value"] as? [Any])?.last.flatMap { $0 as? String }.flatMap(Double.init)
    }
}
