import Glibc
/// A message of PostgreSQL's streaming replication sub-protocol, as read from the COPY BOTH stream.
public enum ReplicationMessage: Sendable, Equatable {
    /// XLogData: a chunk of decoded WAL (one output-plugin message) starting at `start`.
    case data(start: LSN, end: LSN, serverTime: Int64, payload: [UInt8])
    /// Primary keepalive: the server's WAL end, and whether it wants a status update now.
    case keepalive(end: LSN, serverTime: Int64, replyRequested: Bool)

    /// Decodes one CopyData payload ('w' or 'k').
    public init(bytes: UnsafeRawBufferPointer) throws {
        var reader = BigEndianReader(bytes)
        switch try reader.byte() {
        case UInt8(ascii: "w"):
            let start = LSN(try reader.uint64())
            let end = LSN(try reader.uint64())
            let time = Int64(bitPattern: try reader.uint64())
            self = .data(start: start, end: end, serverTime: time, payload: reader.rest())
        case UInt8(ascii: "k"):
            let end = LSN(try reader.uint64())
            let time = Int64(bitPattern: try reader.uint64())
            self = .keepalive(end: end, serverTime: time, replyRequested: try reader.byte() == 1)
        case let other:
            throw StoreError(.postgres, .badReply, "unknown replication message type \(other)")
        }
    }

    /// A standby status update ('r') telling the server what was received, flushed and applied.
    public static func standbyStatus(written: LSN, flushed: LSN, applied: LSN, replyRequested: Bool = false) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "r")]
        for value in [written.value, flushed.value, applied.value, UInt64(bitPattern: postgresEpochMicroseconds())] {
            withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
        }
        out.append(replyRequested ? 1 : 0)
        return out
    }
}

/// Microseconds since 2000-01-01, PostgreSQL's epoch for replication timestamps.
func postgresEpochMicroseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return (Int64(now.tv_sec) - 946_684_800) * 1_000_000 + Int64(now.tv_nsec) / 1000
}

/// Reads big-endian integers from a byte buffer, throwing on a short read.
public struct BigEndianReader {
    let bytes: UnsafeRawBufferPointer
    public private(set) var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var remaining: Int { bytes.count - offset }

    private func need(_ count: Int) throws {
        guard offset + count <= bytes.count else {
            throw StoreError(.postgres, .badReply, "replication message shorter than expected")
        }
    }

    public mutating func byte() throws -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func uint16() throws -> UInt16 { UInt16(try uint(2)) }
    public mutating func uint32() throws -> UInt32 { UInt32(try uint(4)) }
    public mutating func uint64() throws -> UInt64 { try uint(8) }

    private mutating func uint(_ size: Int) throws -> UInt64 {
        try need(size)
        var value: UInt64 = 0
        for i in 0..<size { value = value << 8 | UInt64(bytes[offset + i]) }
        offset += size
        return value
    }

    /// A NUL-terminated string.
    public mutating func cString() throws -> String {
        guard let end = bytes[offset...].firstIndex(of: 0) else {
            throw StoreError(.postgres, .badReply, "unterminated string in replication message")
        }
        defer { offset = end + 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    public mutating func bytes(_ count: Int) throws -> [UInt8] {
        try need(count)
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func rest() -> [UInt8] {
        defer { offset = bytes.count }
        return Array(bytes[offset...])
    }
}
