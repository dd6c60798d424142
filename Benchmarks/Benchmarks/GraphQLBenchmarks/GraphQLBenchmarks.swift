import Benchmark

/// Every benchmark of the suite; each lives in its own file as a `register...Benchmarks()` function.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 100,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    registerParseBenchmarks()
    registerBuildSchemaBenchmarks()
    registerIntrospectionBenchmarks()
    registerMarketplaceQueryBenchmarks()
    registerFieldCostBenchmarks()
    registerValidationBenchmarks()
}
