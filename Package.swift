// swift-tools-version:6.1
import PackageDescription

/// The gifticon marketplace back end: one package, the CQRS sides as targets.
/// JSON (the one JSON value, parser and writer) has no dependencies and GraphQLEngine none but JSON; the C clients
/// come in through thin system-library targets.
let package = Package(
    name: "gifticon",
    // macOS 15: the Synchronization module's `Mutex` guards the engine's caches.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gifticon", targets: ["GifticonCLI"]),
        .executable(name: "graphql", targets: ["GraphQLTool"]),
        .executable(name: "gifticon-bench", targets: ["GifticonBench"]),
        .library(name: "GraphQLEngine", targets: ["GraphQLEngine"]),
        .library(name: "JSON", targets: ["JSON"]),
    ],
    // Spans are always made (swift-distributed-tracing: a no-op until a tracer is bootstrapped); exporting them with
    // OTLP needs swift-otel, whose build is heavy, so only `swift build --traits OpenTelemetry` includes it.
    traits: [
        .trait(name: "OpenTelemetry", description: "Export traces with OTLP/HTTP through swift-otel (OTEL_* environment variables)."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        // The gateway: HTTP server, HMAC for HS256 tokens and APQ hashes, Prometheus text exposition.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already under Hummingbird: the gateway ends its event streams and sockets when a graceful shutdown begins.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // GraphQL over WebSocket (graphql-transport-ws); its client library serves the tests only.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        // Traces: the API every target spans with (already under Hummingbird), and the OTLP exporter behind a trait.
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.1.0"),
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: [
        // C clients from Debian's -dev packages, found through pkg-config.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CMongoC", pkgConfig: "libmongoc-1.0", providers: [.apt(["libmongoc-dev"])]),
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CRdKafka", pkgConfig: "rdkafka", providers: [.apt(["librdkafka-dev"])]),

        .target(name: "JSON"),
        // Exclusivity is checked at compile time everywhere; the run-time checks on class properties and captured
        // variables cost validation a third of its instructions (measured with callgrind), so release builds skip them.
        .target(
            name: "GraphQLEngine",
            dependencies: ["JSON"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "GraphQLTool",
            dependencies: [
                "GraphQLEngine", "JSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "Stores",
            dependencies: [
                "JSON", "CLibPQ", "CMongoC", "CHiredis", "CCurl", "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "Commands", dependencies: ["Stores", .product(name: "Logging", package: "swift-log"), .product(name: "Tracing", package: "swift-distributed-tracing")]),
        // The contract between the sync (which writes the read models) and the gateway (which reads them).
        .target(name: "ReadModels", dependencies: ["JSON", "Stores"]),
        // The deterministic dataset and the original's SQL loader: written through the command side's tables, not a command.
        .target(name: "Seeding", dependencies: ["Commands", "Stores", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Sync",
            dependencies: ["JSON", "ReadModels", "Stores", .product(name: "Logging", package: "swift-log"), .product(name: "Tracing", package: "swift-distributed-tracing")]
        ),
        .target(
            name: "Gateway",
            dependencies: [
                "JSON", "GraphQLEngine", "Commands", "ReadModels", "Stores",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            // The public contract, compiled in as bytes: Schema/schema.graphql is a symlink to the repository root's
            // schema.graphql (resources must sit in the target's folder; SwiftPM follows the link).
            resources: [.embedInCode("Schema/schema.graphql")]
        ),
        // The process's tracer: OTLP export when built with the OpenTelemetry trait, else spans go nowhere.
        .target(
            name: "Telemetry",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "OTel", package: "swift-otel", condition: .when(traits: ["OpenTelemetry"])),
            ]
        ),
        .executableTarget(
            name: "GifticonCLI",
            dependencies: [
                "Commands", "Seeding", "Sync", "Gateway", "ReadModels", "Stores", "Telemetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The benchmarks' driver (BENCHMARKS.md), not shipped in `gifticon`; only packages the product already uses.
        .executableTarget(
            name: "GifticonBench",
            dependencies: [
                "Commands", "Sync", "ReadModels", "Stores", "Gateway", "JSON", "Seeding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        // graphql-core as a live oracle and the marketplace fixture, shared by the engine's and the tool's tests.
        .target(
            name: "GraphQLTestSupport", dependencies: ["GraphQLEngine", "JSON"], path: "Tests/GraphQLTestSupport",
            exclude: ["graphql_core_oracle.py", "graphql_core_validate.py"]
        ),
        .testTarget(
            name: "GraphQLEngineTests", dependencies: ["GraphQLEngine", "GraphQLTestSupport", "JSON"],
            // Read from disk by the tests themselves (graphql-core's lexer as an oracle, the fuzzer's regressions).
            exclude: ["Language/language_oracle.py", "Language/Fixtures"]
        ),
        // The allocator's count of bytes in use, for tests that measure what a cache holds.
        .target(name: "CHeapStats", path: "Tests/CHeapStats"),
        .testTarget(name: "GraphQLToolTests", dependencies: ["GraphQLTool", "GraphQLEngine", "GraphQLTestSupport", "JSON"]),
        // What tests of the sync and of the gateway both clean up after themselves with (replication slots).
        .target(name: "StoreTestSupport", dependencies: ["Stores"], path: "Tests/StoreTestSupport"),
        .testTarget(name: "StoresTests", dependencies: ["Stores", "JSON"]),
        .testTarget(name: "ReadModelsTests", dependencies: ["ReadModels", "JSON", "Stores"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Seeding", "Stores", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "SyncTests",
            dependencies: ["Sync", "ReadModels", "Stores", "Commands", "JSON", "StoreTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway", "Sync", "ReadModels", "Stores", "Commands", "GraphQLEngine", "JSON", "Seeding", "CHeapStats", "StoreTestSupport",
                // The trace export test (built with the OpenTelemetry trait only) bootstraps the product's tracer.
                "Telemetry", .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                // A real WebSocket client for the graphql-transport-ws tests, and the types its API speaks.
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
    ]
)
