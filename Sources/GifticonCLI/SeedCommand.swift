import ArgumentParser
import Commands
import Foundation
import Seeding

/// `gifticon seed`: migrates, then writes the deterministic dataset, or loads the original's with --dataset.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill an empty command database: our deterministic dataset, or the original's SQL files.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Load the original project's dataset from this directory (V2__category.sql ... V11__reviews.sql).")
    var dataset: String?

    @Flag(help: "Empty the marketplace tables first (all rows are lost).")
    var reset = false

    @Option(help: "The seed of the generator.")
    var seed: UInt64 = 20_250_101

    @Option(help: "Dates are offsets from this day (yyyy-MM-dd; default: today).")
    var referenceDate: String?

    func run() async throws {
        let client = database.client(maxConnections: 1)
        try await Migrator(database: client).migrate()
        let started = Date()
        let counts: [String: Int]
        if let dataset {
            let report = try await DatasetLoader(database: client).load(directory: dataset, reset: reset)
            counts = report.counts
            print("price rows with sale > base, stored swapped: \(report.swappedPrices)")
            for (table, skipped) in report.skippedDuplicates.sorted(by: { $0.key < $1.key }) {
                print("duplicate rows skipped in \(table): \(skipped)")
            }
        } else {
            counts = try await Seeder(database: client, seed: seed, referenceDate: referenceDate).run(reset: reset)
        }
        for table in MarketplaceTables.all { print("\(table): \(counts[table] ?? 0)") }
        print(String(format: "done in %.1f s", Date().timeIntervalSince(started)))
        await client.shutdown()
    }
}
