import ArgumentParser

/// The one executable of the product: `gifticon serve | migrate | seed | sync | expire`.
@main
struct Gifticon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gifticon",
        abstract: "The gifticon marketplace back end: command side, sync and GraphQL gateway.",
        subcommands: [ServeCommand.self, TokenCommand.self, StoresCheck.self, MigrateCommand.self, SeedCommand.self, SyncCommand.self, ExpireCommand.self]
    )
}
