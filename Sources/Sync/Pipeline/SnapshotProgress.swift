import ReadModels
import Stores

/// Where the embedded sync's chunked snapshot stands, kept in Redis beside the applied position, so a run that was
/// stopped or killed midway continues after the last chunk it applied instead of starting over.
///
/// Saved after each chunk is applied; the slot is confirmed independently, and either order is safe: a chunk read
/// again is written again at a later position, a change streamed again is refused where a chunk already wrote it.
public struct SnapshotProgress: Sendable {
    public struct State: Sendable, Equatable {
        /// The slot's consistent point: what is older in the read models was not written by this snapshot.
        public var since: LSN
        /// The plan's step being read, and the key of the last row applied in it (nil: none yet).
        public var step: Int
        public var after: [String]?
        /// Chunks and rows applied so far, for the log.
        public var chunks: Int
        public var rows: Int

        public init(since: LSN, step: Int = 0, after: [String]? = nil, chunks: Int = 0, rows: Int = 0) {
            self.since = since
            self.step = step
            self.after = after
            self.chunks = chunks
            self.rows = rows
        }
    }

    let redis: RedisClient
    let key: String

    public init(redis: RedisClient, keys: RedisKeys) {
        self.redis = redis
        key = keys.snapshotProgress
    }

    public func load() async throws -> State? {
        let fields = try await redis.command("HGETALL", key).array?.compactMap(\.string) ?? []
        var values: [String: String] = [:]
        for index in stride(from: 0, to: fields.count - 1, by: 2) { values[fields[index]] = fields[index + 1] }
        guard let since = values["since"].flatMap(LSN.init), let step = values["step"].flatMap(Int.init) else { return nil }
        let after = values["after"].flatMap(Self.decodeKey)
        return State(since: since, step: step, after: after, chunks: values["chunks"].flatMap(Int.init) ?? 0,
                     rows: values["rows"].flatMap(Int.init) ?? 0)
    }

    /// Replaces the stored state in one step (a script: the client's connections are pooled, no MULTI).
    public func save(_ state: State) async throws {
        var fields = ["since", state.since.description, "step", String(state.step), "chunks", String(state.chunks), "rows", String(state.rows)]
        if let after = state.after { fields += ["after", Self.encodeKey(after)] }
        _ = try await redis.eval("redis.call('DEL', KEYS[1]) redis.call('HSET', KEYS[1], unpack(ARGV)) return 1", keys: [key], arguments: fields)
    }

    public func clear() async throws { _ = try await redis.command("DEL", key) }

    /// Each part length-prefixed, so any value (commas and colons included) round-trips.
    static func encodeKey(_ parts: [String]) -> String { parts.map { "\($0.utf8.count):\($0)" }.joined() }

    static func decodeKey(_ text: String) -> [String]? {
        var parts: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let colon = rest.firstIndex(of: ":"), let length = Int(rest[..<colon]) else { return nil }
            let bytes = rest[rest.index(after: colon)...].utf8
            guard bytes.count >= length else { return nil }
            let end = bytes.index(bytes.startIndex, offsetBy: length)
            guard let part = String(bytes[..<end]) else { return nil }
            parts.append(part)
            rest = Substring(bytes[end...])
        }
        return parts
    }
}
