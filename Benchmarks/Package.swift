// swift-tools-version:6.1
import PackageDescription

/// Benchmarks of GraphQLEngine against GraphQLSwift (the peer), with ordo-one/benchmark.
/// Run: `cd Benchmarks && swift package --allow-writing-to-package-directory benchmark`.
/// One benchmark per file in Benchmarks/GraphQLBenchmarks; register it in GraphQLBenchmarks.swift.
let package = Package(
    name: "GraphQLEngineBenchmarks",
    // macOS 15, as the gifticon package (the engine's `Mutex`).
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/GraphQLSwift/GraphQL", exact: "4.3.0"),
        .package(name: "gifticon", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "GraphQLBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "GraphQLEngine", package: "gifticon"),
                .product(name: "JSON", package: "gifticon"),
            ],
            path: "Benchmarks/GraphQLBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
