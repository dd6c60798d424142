import ArgumentParser
import Stores

/// The command database to work on: DATABASE_URL (from `.stack/env`) unless --database-url is given.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    func client(maxConnections: Int = 4) -> PostgresClient {
        PostgresClient(url: databaseURL ?? StoreSettings.fromEnvironment().databaseURL, maxConnections: maxConnections)
    }
}
