import CLibPQ
import Glibc

/// A logical replication connection (libpq with `replication=database`): creates slots and streams decoded WAL.
///
/// Blocking; run it on a thread of its own. `read(timeout:)` waits on the socket, so it never spins.
public final class ReplicationConnection {
    let handle: OpaquePointer
    private var streaming = false

    public init(url: String) throws {
        let separator = url.contains("?") ? "&" : "?"
        guard let handle = PQconnectdb(url + separator + "replication=database") else {
            throw StoreError(.postgres, .unavailable, "libpq could not allocate a connection")
        }
        self.handle = handle
        guard PQstatus(handle) == CONNECTION_OK else {
            // deinit frees the handle: every stored property is set by now.
            throw StoreError(.postgres, .unavailable, PostgresConnection.errorMessage(handle))
        }
    }

    deinit { PQfinish(handle) }

    /// Runs a replication command (CREATE_REPLICATION_SLOT, IDENTIFY_SYSTEM, ...) or plain SQL.
    @discardableResult
    public func command(_ sql: String) throws -> PostgresResult {
        try PostgresResult(PQexec(handle, sql), connection: handle)
    }

    /// START_REPLICATION for a logical slot from `lsn`, with the output plugin's options.
    public func startReplication(slot: String, from lsn: LSN, options: [(String, String)]) throws {
        let optionText = options.map { "\"\($0.0)\" '\($0.1.replacingOccurrences(of: "'", with: "''"))'" }
            .joined(separator: ", ")
        let sql = "START_REPLICATION SLOT \"\(slot)\" LOGICAL \(lsn)" + (options.isEmpty ? "" : " (\(optionText))")
        let result = PQexec(handle, sql)
        try PostgresResult.check(result, connection: handle, expectRows: false)
        guard PQresultStatus(result) == PGRES_COPY_BOTH else {
            PQclear(result)
            throw StoreError(.postgres, .badReply, "START_REPLICATION did not enter COPY BOTH mode")
        }
        PQclear(result)
        streaming = true
    }

    /// The next message, or nil if none arrived within `timeout` seconds.
    public func read(timeout: Double) throws -> ReplicationMessage? {
        var buffer: UnsafeMutablePointer<CChar>?
        var length = PQgetCopyData(handle, &buffer, 1)
        if length == 0 {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(timeout * 1000))
            if ready < 0 && errno != EINTR { throw StoreError(.postgres, .unavailable, "poll failed: errno \(errno)") }
            guard PQconsumeInput(handle) == 1 else {
                throw StoreError(.postgres, .unavailable, PostgresConnection.errorMessage(handle))
            }
            length = PQgetCopyData(handle, &buffer, 1)
            if length == 0 { return nil }
        }
        if length == -1 {
            // The stream ended: the server says why in the final result.
            let result = PQgetResult(handle)
            try PostgresResult.check(result, connection: handle, expectRows: false)
            PQclear(result)
            throw StoreError(.postgres, .unavailable, "the replication stream ended")
        }
        if length < 0 { throw StoreError(.postgres, .unavailable, PostgresConnection.errorMessage(handle)) }
        defer { PQfreemem(buffer) }
        return try ReplicationMessage(bytes: UnsafeRawBufferPointer(start: buffer, count: Int(length)))
    }

    /// Tells the server what has been safely applied: it may then recycle WAL up to `flushed`.
    public func sendStatus(written: LSN, flushed: LSN, applied: LSN) throws {
        let message = ReplicationMessage.standbyStatus(written: written, flushed: flushed, applied: applied)
        let sent = message.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1, PQflush(handle) == 0 else {
            throw StoreError(.postgres, .unavailable, PostgresConnection.errorMessage(handle))
        }
    }

    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }
}
