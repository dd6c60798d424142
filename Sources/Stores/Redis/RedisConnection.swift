import CHiredis
import Foundation

/// One hiredis connection. Blocking; used by one pool thread at a time.
public final class RedisConnection: PooledConnection {
    private let context: UnsafeMutablePointer<redisContext>
    private var closed = false

    public convenience init(url: String, timeoutSeconds: Int = 5) throws {
        try self.init(url: url, timeout: .seconds(timeoutSeconds))
    }

    /// `timeout` bounds the connect and every command's reply: a Redis that hangs fails the call, it does not hold it.
    public init(url: String, timeout bound: Duration) throws {
        let parsed = URLComponents(string: url)
        let host = parsed?.host ?? "127.0.0.1"
        let port = parsed?.port ?? 6379
        let microseconds = bound.components.seconds * 1_000_000 + bound.components.attoseconds / 1_000_000_000_000
        let timeout = timeval(tv_sec: Int(microseconds / 1_000_000), tv_usec: Int(microseconds % 1_000_000))
        guard let context = redisConnectWithTimeout(host, Int32(port), timeout) else {
            throw StoreError(.redis, .unavailable, "hiredis could not allocate a context")
        }
        self.context = context
        if context.pointee.err != 0 {
            // deinit frees the context: every stored property is set by now.
            let message = RedisConnection.errorText(context)
            throw StoreError(.redis, .unavailable, "\(host):\(port): \(message)")
        }
        redisSetTimeout(context, timeout)
        if let db = parsed?.path.dropFirst(), let index = Int(db), index != 0 {
            _ = try command(["SELECT", String(index)])
        }
    }

    deinit { close() }

    public var isHealthy: Bool { !closed && context.pointee.err == 0 }

    public func close() {
        guard !closed else { return }
        closed = true
        redisFree(context)
    }

    static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: context.pointee.errstr) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Sends one command (binary-safe arguments) and returns its reply; a Redis error reply throws `.rejected`.
    public func command(_ arguments: [String]) throws -> RedisValue {
        let bytes = arguments.map { Array($0.utf8) }
        let reply: UnsafeMutableRawPointer? = bytes.withPointers { pointers, lengths in
            redisCommandArgv(context, Int32(bytes.count), pointers, lengths)
        }
        guard let reply else {
            let message = RedisConnection.errorText(context)
            let timedOut = message.contains("temporarily unavailable") || message.contains("timed out")
            throw StoreError(.redis, timedOut ? .timeout : .unavailable, message)
        }
        let typed = reply.assumingMemoryBound(to: redisReply.self)
        defer { freeReplyObject(reply) }
        return try RedisConnection.convert(typed)
    }

    static func convert(_ reply: UnsafeMutablePointer<redisReply>) throws -> RedisValue {
        let r = reply.pointee
        func text() -> String {
            String(decoding: UnsafeRawBufferPointer(start: r.str, count: Int(r.len)), as: UTF8.self)
        }
        switch Int32(r.type) {
        case REDIS_REPLY_STRING: return .string(text())
        case REDIS_REPLY_STATUS: return .status(text())
        case REDIS_REPLY_INTEGER: return .integer(r.integer)
        case REDIS_REPLY_NIL: return .null
        case REDIS_REPLY_ARRAY:
            return .array(try (0..<Int(r.elements)).map { try convert(r.element[$0]!) })
        case REDIS_REPLY_ERROR: throw StoreError(.redis, .rejected, text())
        default: throw StoreError(.redis, .badReply, "unknown reply type \(r.type)")
        }
    }
}

extension Array where Element == [UInt8] {
    /// Calls `body` with C pointers and lengths of every element, valid for the call only.
    func withPointers<T>(_ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> T) -> T {
        let copies: [UnsafeMutablePointer<CChar>] = map { bytes in
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: Swift.max(1, bytes.count))
            bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { if let base = $0.baseAddress { p.update(from: base, count: bytes.count) } }
            }
            return p
        }
        defer { copies.forEach { $0.deallocate() } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        let lengths = map(\.count)
        return pointers.withUnsafeMutableBufferPointer { p in lengths.withUnsafeBufferPointer { body(p.baseAddress!, $0.baseAddress!) } }
    }
}
