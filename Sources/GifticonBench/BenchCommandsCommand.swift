import ArgumentParser
import Commands
import Foundation
import Stores

/// `gifticon-bench commands`: buys/s and p50/p99 for buy and register under concurrent callers, beside
/// pgbench's simple-update (-N) figure on the same server in the same run. Works in a database of its own, created
/// and dropped here; prints a Markdown section for BENCHMARKS.md.
struct BenchCommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commands", abstract: "Benchmark the command side against pgbench -N.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Concurrent callers (and pool connections, and pgbench clients).")
    var callers = 32

    @Option(help: "Seconds per measurement.")
    var seconds = 10

    @Option(help: "pgbench transactions per client (-t: pgbench's -T timer relies on SIGALRM, which a child of this process may have blocked).")
    var pgbenchTransactions = 600

    @Option(help: "pgbench executable.")
    var pgbench = "pgbench"

    func run() async throws {
        let base = database.databaseURL ?? StoreSettings.fromEnvironment().databaseURL
        let name = "gifticon_bench_\(ProcessInfo.processInfo.processIdentifier)"
        let admin = PostgresClient(url: base, maxConnections: 1)
        try await admin.execute("CREATE DATABASE \(name)")
        let url = Self.url(base, database: name)
        do {
            try await measure(url: url)
        } catch {
            _ = try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        _ = try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        await admin.shutdown()
    }

    struct Figures {
        var count: Int
        var seconds: Double
        var p50: Double
        var p99: Double
        var failures: Int
        var perSecond: Double { Double(count) / seconds }
    }

    func measure(url: String) async throws {
        let client = PostgresClient(url: url, maxConnections: callers, acquireTimeout: .seconds(30))
        let runner = CommandRunner(database: client)
        try await Migrator(database: client).migrate()
        let seller = try await runner.run(RegisterUser(username: "seller@bench.kr", nickname: "판매자")).id!
        let brand = try await runner.run(CreateBrand(name: "벤치커피", slug: "bench-coffee")).id!
        let category = try await runner.run(CreateCategory(name: "커피", slug: "coffee")).id!
        let tag = try await runner.run(CreateTag(name: "커피 추천", slug: "coffee-recommended")).id!
        // Buyers and enough ON_SALE gifticons, in bulk.
        try await client.execute("""
            INSERT INTO users (username, nickname) SELECT 'buyer' || n || '@bench.kr', '구매자' || n FROM generate_series(1, \(callers)) n;
            INSERT INTO gifticons (seller_id, brand_id, category_id, name, slug, description, due_date)
            SELECT \(seller), \(brand), \(category), '아메리카노 ' || n, 'americano-' || n, '벤치', current_date + 30
            FROM generate_series(1, 150000) n;
            INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) SELECT id, 4500, 4000 FROM gifticons;
            """)
        try await client.execute("VACUUM ANALYZE users, gifticons, gifticon_prices")
        let buyers = try await client.query("SELECT id FROM users WHERE id <> $1 ORDER BY id", [String(seller)]).rows.compactMap { $0[0].flatMap { Int64($0) } }
        let first = Int64(try await client.query("SELECT min(id) FROM gifticons").rows[0][0]!)!
        let total = 150_000

        let callers = self.callers
        let duration = Duration.seconds(seconds)
        let buy = try await run(callers: callers, duration: duration) { caller, iteration in
            let index = iteration * callers + caller
            guard index < total else { throw CommandError(.internal, "out of gifticons") }
            _ = try await runner.run(BuyGifticon(gifticonId: first + Int64(index), buyerId: buyers[caller % buyers.count]))
        }
        let register = try await run(callers: callers, duration: duration) { caller, iteration in
            _ = try await runner.run(RegisterGifticon(
                sellerId: seller, brandId: brand, categoryId: category, name: "라떼 \(caller)-\(iteration)",
                description: "벤치마크", dueDate: "2099-12-31", price: Price(basePrice: 5000, salePrice: 4500),
                images: [.init(url: "https://example.com/\(caller)-\(iteration).jpg")], tagIds: [tag]))
        }
        let users = try await run(callers: callers, duration: duration) { caller, iteration in
            _ = try await runner.run(RegisterUser(username: "u\(caller)-\(iteration)@bench.kr", nickname: "사용자"))
        }
        await client.shutdown()

        _ = try shell([pgbench, "-i", "-q", "-s", "10", url])
        let simple = try pgbenchTPS(["-N", "-n", "-c", String(callers), "-j", "2", "-t", String(pgbenchTransactions), url])
        let prepared = try pgbenchTPS(["-N", "-n", "-M", "prepared", "-c", String(callers), "-j", "2", "-t", String(pgbenchTransactions), url])

        func row(_ label: String, _ f: Figures) -> String {
            String(format: "| %@ | %.0f | %.2f | %.2f | %d |", label, f.perSecond, f.p50, f.p99, f.failures)
        }
        let server = try await PostgresClient(url: url, maxConnections: 1).query("SHOW server_version").rows[0][0] ?? "?"
        print("""
            | command (\(callers) concurrent callers, \(seconds) s each) | per second | p50 ms | p99 ms | errors |
            |---|---|---|---|---|
            \(row("BuyGifticon", buy))
            \(row("RegisterGifticon (1 image, 1 tag)", register))
            \(row("RegisterUser", users))
            | pgbench -N (simple-update), simple protocol, \(callers) clients | \(String(format: "%.0f", simple.tps)) | | \(String(format: "avg %.2f", simple.latency)) | |
            | pgbench -N (simple-update), prepared, \(callers) clients | \(String(format: "%.0f", prepared.tps)) | | \(String(format: "avg %.2f", prepared.latency)) | |

            buy / pgbench -N (prepared): \(String(format: "%.2f", buy.perSecond / prepared.tps)); PostgreSQL \(server); \(ProcessInfo.processInfo.activeProcessorCount) cores.
            """)
    }

    /// Runs `body` from `callers` concurrent tasks for `duration`, collecting each call's latency.
    func run(
        callers: Int, duration: Duration, _ body: @escaping @Sendable (Int, Int) async throws -> Void
    ) async throws -> Figures {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + duration
        let results = await withTaskGroup(of: ([Double], Int).self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var latencies: [Double] = []
                    var failures = 0
                    var iteration = 0
                    while clock.now < deadline {
                        let began = clock.now
                        do { try await body(caller, iteration) } catch { failures += 1 }
                        let elapsed = clock.now - began
                        latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                        iteration += 1
                    }
                    return (latencies, failures)
                }
            }
            var all: [([Double], Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        let elapsed = clock.now - start
        let latencies = results.flatMap(\.0).sorted()
        let failures = results.map(\.1).reduce(0, +)
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        return Figures(
            count: latencies.count - failures,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            p50: percentile(0.5), p99: percentile(0.99), failures: failures)
    }

    func shell(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw ValidationError("\(arguments[0]) failed: \(output)") }
        return output
    }

    func pgbenchTPS(_ arguments: [String]) throws -> (tps: Double, latency: Double) {
        let output = try shell([pgbench] + arguments)
        func number(after marker: String) -> Double {
            guard let range = output.range(of: marker) else { return 0 }
            let rest = output[range.upperBound...].drop(while: { $0 == " " })
            return Double(rest.prefix(while: { $0.isNumber || $0 == "." })) ?? 0
        }
        return (number(after: "tps = "), number(after: "latency average = "))
    }

    static func url(_ base: String, database: String) -> String {
        var url = base
        var query = ""
        if let mark = url.firstIndex(of: "?") {
            query = String(url[mark...])
            url = String(url[..<mark])
        }
        guard let slash = url.range(of: "/", options: .backwards) else { return url + "/" + database + query }
        return String(url[..<slash.upperBound]) + database + query
    }
}
