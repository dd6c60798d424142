import ArgumentParser

/// `gifticon-bench`: the benchmarks BENCHMARKS.md reports, kept out of the shipped `gifticon` executable.
@main
struct GifticonBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gifticon-bench",
        abstract: "Benchmarks of the gifticon back end: the command side, the sync's lag and rebuild, the gateway's HTTP ceiling, the list profile's bodies.",
        subcommands: [BenchCommandsCommand.self, BenchSyncCommand.self, BenchScaleOutCommand.self, BenchRebuildCommand.self, BenchCeilingCommand.self,
                      BenchListBodiesCommand.self]
    )
}
