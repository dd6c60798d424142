import ArgumentParser

/// The server to benchmark on: DATABASE_URL (from `.stack/env`) unless --database-url is given; each benchmark
/// creates a database of its own there. (`gifticon` has the same flag; two executables cannot share a type.)
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?
}
