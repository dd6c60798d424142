import Stores

/// Decodes the `pgoutput` plugin's logical replication messages (protocol version 1) into committed transactions.
///
/// Stateful: Relation messages describe a table before its first row change in a session, and a transaction's
/// changes are gathered between Begin and Commit.
public struct PgOutputDecoder: Sendable {
    struct Relation: Sendable {
        var schema: String
        var name: String
        var columns: [(name: String, typeOID: UInt32)]
    }

    private var relations: [UInt32: Relation] = [:]
    private var open: CommittedTransaction?
    /// A transaction's Begin was read and its Commit not yet.
    var isInsideTransaction: Bool { open != nil }

    public init() {}

    /// Feeds one XLogData payload; returns a transaction when this message was its Commit.
    public mutating func decode(_ payload: [UInt8]) throws -> CommittedTransaction? {
        try payload.withUnsafeBytes { bytes in
            var reader = BigEndianReader(bytes)
            let kind = try reader.byte()
            switch kind {
            case UInt8(ascii: "B"):
                let finalLSN = LSN(try reader.uint64())
                let time = Int64(bitPattern: try reader.uint64())
                let xid = try reader.uint32()
                open = CommittedTransaction(xid: xid, commitLSN: finalLSN, endLSN: finalLSN,
                                            commitTimeMicros: PgOutputDecoder.unixMicros(time), changes: [])
            case UInt8(ascii: "C"):
                _ = try reader.byte()  // flags
                let commitLSN = LSN(try reader.uint64())
                let endLSN = LSN(try reader.uint64())
                let time = Int64(bitPattern: try reader.uint64())
                guard var transaction = open else { throw decodingError("Commit without Begin") }
                transaction.commitLSN = commitLSN
                transaction.endLSN = endLSN
                transaction.commitTimeMicros = PgOutputDecoder.unixMicros(time)
                open = nil
                return transaction
            case UInt8(ascii: "R"):
                let id = try reader.uint32()
                let schema = try reader.cString()
                let name = try reader.cString()
                _ = try reader.byte()  // replica identity setting
                let count = Int(try reader.uint16())
                var columns: [(String, UInt32)] = []
                for _ in 0..<count {
                    _ = try reader.byte()  // flags (part of the key)
                    let column = try reader.cString()
                    let type = try reader.uint32()
                    _ = try reader.uint32()  // type modifier
                    columns.append((column, type))
                }
                relations[id] = Relation(schema: schema, name: name, columns: columns)
            case UInt8(ascii: "I"):
                let relation = try self.relation(try reader.uint32())
                guard try reader.byte() == UInt8(ascii: "N") else { throw decodingError("Insert without a new tuple") }
                let row = try PgOutputDecoder.tuple(&reader, relation)
                try append(RowChange(schema: relation.schema, table: relation.name, operation: .create, before: nil, after: row))
            case UInt8(ascii: "U"):
                let relation = try self.relation(try reader.uint32())
                var before: [RowChange.Column]?
                var marker = try reader.byte()
                if marker == UInt8(ascii: "K") || marker == UInt8(ascii: "O") {
                    before = try PgOutputDecoder.tuple(&reader, relation)
                    marker = try reader.byte()
                }
                guard marker == UInt8(ascii: "N") else { throw decodingError("Update without a new tuple") }
                var after = try PgOutputDecoder.tuple(&reader, relation)
                // An unchanged TOASTed value is not resent; with REPLICA IDENTITY FULL the old tuple has it.
                if let before {
                    for index in after.indices where after[index].unchangedToast {
                        if let old = before.first(where: { $0.name == after[index].name }), !old.unchangedToast {
                            after[index] = old
                        }
                    }
                }
                try append(RowChange(schema: relation.schema, table: relation.name, operation: .update, before: before, after: after))
            case UInt8(ascii: "D"):
                let relation = try self.relation(try reader.uint32())
                _ = try reader.byte()  // 'K' or 'O'
                let before = try PgOutputDecoder.tuple(&reader, relation)
                try append(RowChange(schema: relation.schema, table: relation.name, operation: .delete, before: before, after: nil))
            case UInt8(ascii: "Y"), UInt8(ascii: "O"), UInt8(ascii: "T"), UInt8(ascii: "M"):
                // Type, Origin, Truncate and logical messages carry nothing the projections use.
                break
            default:
                throw decodingError("unknown pgoutput message \(kind)")
            }
            return nil
        }
    }

    private func relation(_ id: UInt32) throws -> Relation {
        guard let relation = relations[id] else { throw decodingError("row change for unknown relation \(id)") }
        return relation
    }

    private mutating func append(_ change: RowChange) throws {
        guard open != nil else { throw decodingError("row change outside a transaction") }
        open!.changes.append(change)
    }

    private static func tuple(_ reader: inout BigEndianReader, _ relation: Relation) throws -> [RowChange.Column] {
        let count = Int(try reader.uint16())
        guard count <= relation.columns.count else { throw decodingError("tuple wider than its relation") }
        var columns: [RowChange.Column] = []
        columns.reserveCapacity(count)
        for index in 0..<count {
            let (name, type) = relation.columns[index]
            switch try reader.byte() {
            case UInt8(ascii: "n"): columns.append(.init(name: name, typeOID: type, value: nil))
            case UInt8(ascii: "u"): columns.append(.init(name: name, typeOID: type, value: nil, unchangedToast: true))
            case UInt8(ascii: "t"):
                let length = Int(try reader.uint32())
                let bytes = try reader.bytes(length)
                columns.append(.init(name: name, typeOID: type, value: String(decoding: bytes, as: UTF8.self)))
            case let other:
                throw decodingError("unsupported tuple value kind \(other)")
            }
        }
        return columns
    }

    /// pgoutput times are microseconds since 2000-01-01.
    static func unixMicros(_ postgresMicros: Int64) -> Int64 { postgresMicros + 946_684_800_000_000 }
}

func decodingError(_ message: String) -> StoreError { StoreError(.postgres, .badReply, "pgoutput: \(message)") }
