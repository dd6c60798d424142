import ArgumentParser
import Stores

/// `gifticon stores`: asks every store for a sign of life, with the settings the environment gives.
struct StoresCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stores", abstract: "Check that every store answers.")

    func run() async throws {
        let report = await StoreHealth.check(StoreSettings.fromEnvironment())
        for line in report.lines { print(line) }
        if !report.allHealthy { throw ExitCode(1) }
    }
}
