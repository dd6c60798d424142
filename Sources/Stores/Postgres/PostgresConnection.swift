import Glibc
import CLibPQ

/// One libpq connection. Blocking: used only on a pool thread, by one caller at a time.
public final class PostgresConnection: PooledConnection {
    let handle: OpaquePointer
    /// Statement text -> server-side prepared statement name, so each statement is prepared once per connection.
    private var prepared: [String: String] = [:]

    public init(url: String) throws {
        guard let handle = PQconnectdb(url) else {
            throw StoreError(.postgres, .unavailable, "libpq could not allocate a connection")
        }
        self.handle = handle
        guard PQstatus(handle) == CONNECTION_OK else {
            // deinit frees the handle: every stored property is set by now.
            throw StoreError(.postgres, .unavailable, PostgresConnection.errorMessage(handle))
        }
    }

    private var closed = false

    deinit { close() }

    public var isHealthy: Bool { !closed && PQstatus(handle) == CONNECTION_OK }

    public func close() {
        guard !closed else { return }
        closed = true
        PQfinish(handle)
    }

    /// The server process id of this connection (for tests that kill it with pg_terminate_backend).
    public var backendPID: Int32 { PQbackendPID(handle) }

    static func errorMessage(_ handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines()
    }

    /// Runs one statement with text parameters (nil is SQL NULL), preparing it on first use.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws -> PostgresResult {
        let name: String
        if let existing = prepared[sql] {
            name = existing
        } else {
            name = "s\(prepared.count)"
            let result = PQprepare(handle, name, sql, 0, nil)
            try PostgresResult.check(result, connection: handle, expectRows: false)
            PQclear(result)
            prepared[sql] = name
        }
        return try withCStrings(parameters) { values in
            let result = PQexecPrepared(handle, name, Int32(parameters.count), values, nil, nil, 0)
            return try PostgresResult(result, connection: handle)
        }
    }

    /// Runs SQL text with no parameters; several statements are allowed (migrations, BEGIN/COMMIT).
    @discardableResult
    public func execute(_ sql: String) throws -> PostgresResult {
        try PostgresResult(PQexec(handle, sql), connection: handle)
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            if isHealthy { _ = try? execute("ROLLBACK") }
            throw error
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}

/// Calls `body` with C strings for the parameters, freed afterwards.
func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> T) rethrows -> T {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
    defer { pointers.forEach { free($0) } }
    return try body(pointers.map { $0.map { UnsafePointer($0) } })
}
