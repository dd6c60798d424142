import Commands
import Foundation
import Stores
import Synchronization

/// The sync benchmarks' load: a seeded seller, brand, category, tag and 200 listings, then commands on an open loop
/// (issued on schedule whatever the sync does): three in four change a price (one row), one registers a gifticon
/// (gifticon, price, image and tag rows in one transaction).
struct MarketLoad {
    let runner: CommandRunner
    let seller: Int64, brand: Int64, category: Int64, tag: Int64
    let gifticons: [Int64]

    /// What a run of commands did: how long issuing took, how many failed, and each command's commit (when its
    /// call returned, and its consistency token).
    struct Outcome {
        var issued: Duration
        var failures: Int
        var commits: [(at: ContinuousClock.Instant, token: LSN)]
        var lastToken: LSN? { commits.map(\.token).max() }
    }

    /// The commands' own client on the migrated database at `url` (the caller shuts it down), and the seeded market.
    static func seed(url: String) async throws -> (load: MarketLoad, client: PostgresClient) {
        let client = PostgresClient(url: url, maxConnections: 16, acquireTimeout: .seconds(30))
        let runner = CommandRunner(database: client)
        try await Migrator(database: client).migrate()
        return (try await seed(runner), client)
    }

    static func seed(_ runner: CommandRunner) async throws -> MarketLoad {
        let seller = try await runner.run(RegisterUser(username: "seller@bench.kr", nickname: "판매자")).id!
        let brand = try await runner.run(CreateBrand(name: "벤치커피", slug: "bench-coffee")).id!
        let category = try await runner.run(CreateCategory(name: "커피", slug: "coffee")).id!
        let tag = try await runner.run(CreateTag(name: "커피 추천", slug: "coffee-recommended")).id!
        var gifticons: [Int64] = []
        for index in 0..<200 {
            gifticons.append(try await runner.run(register(seller, brand, category, tag, "시드 \(index)")).id!)
        }
        return MarketLoad(runner: runner, seller: seller, brand: brand, category: category, tag: tag, gifticons: gifticons)
    }

    /// `commits` sees each commit as it happens (a lag probe reads it while the load runs).
    func run(rate: Int, seconds: Int, commits: CommitLog = CommitLog()) async -> Outcome {
        let clock = ContinuousClock()
        let interval = Duration.nanoseconds(1_000_000_000 / Int64(rate))
        let total = rate * seconds
        let begin = clock.now
        let (runner, gifticons, seed) = (runner, gifticons, (seller, brand, category, tag))
        let failures = await withTaskGroup(of: Int.self) { group in
            for index in 0..<total {
                try? await clock.sleep(until: begin + interval * index)
                let id = gifticons[index % gifticons.count]
                group.addTask {
                    do {
                        let receipt = index % 4 == 3
                            ? try await runner.run(Self.register(seed.0, seed.1, seed.2, seed.3, "라떼 \(index)"))
                            : try await runner.run(ChangePrice(gifticonId: id, sellerId: seed.0,
                                                               price: Price(basePrice: 5000, salePrice: Amount(hundredths: Int64(400_000 + index % 500)))))
                        let at = clock.now
                        commits.append(at, receipt.consistencyToken)
                        return 0
                    } catch {
                        return 1
                    }
                }
            }
            var failed = 0
            for await result in group { failed += result }
            return failed
        }
        return Outcome(issued: clock.now - begin, failures: failures, commits: commits.entries)
    }

    /// Each command's commit, appended from the commands' tasks.
    final class CommitLog: Sendable {
        private let list = Mutex<[(at: ContinuousClock.Instant, token: LSN)]>([])
        func append(_ at: ContinuousClock.Instant, _ token: LSN) { list.withLock { $0.append((at, token)) } }
        var entries: [(at: ContinuousClock.Instant, token: LSN)] { list.withLock { $0 } }
        /// The entries from `start` on.
        func entries(from start: Int) -> [(at: ContinuousClock.Instant, token: LSN)] { list.withLock { Array($0[min(start, $0.count)...]) } }
    }

    static func register(_ seller: Int64, _ brand: Int64, _ category: Int64, _ tag: Int64, _ name: String) -> RegisterGifticon {
        RegisterGifticon(sellerId: seller, brandId: brand, categoryId: category, name: name, description: "벤치마크",
                         dueDate: "2099-12-31", price: Price(basePrice: 5000, salePrice: 4500),
                         images: [.init(url: "https://example.com/\(name).jpg")], tagIds: [tag])
    }
}
