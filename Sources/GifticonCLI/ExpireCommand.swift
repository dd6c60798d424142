import ArgumentParser
import Commands

/// `gifticon expire`: every ON_SALE gifticon past its due date becomes EXPIRED (safe to run any time, e.g. from cron).
struct ExpireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expire", abstract: "Expire the ON_SALE gifticons past their due date.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let client = database.client(maxConnections: 1)
        let receipt = try await CommandRunner(database: client).run(ExpireGifticons())
        print("expired: \(receipt.affectedIds["gifticons"]?.count ?? 0) gifticons; consistency token \(receipt.consistencyToken)")
        await client.shutdown()
    }
}
