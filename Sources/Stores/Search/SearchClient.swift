import JSON

/// Elasticsearch/OpenSearch over its REST API (libcurl), with a bounded pool of keep-alive handles.
///
/// Only the API both servers share is used: index creation with mappings, _bulk, _search, document GET/PUT/DELETE.
public final class SearchClient: Sendable {
    public let pool: ConnectionPool<HTTPConnection>

    public init(baseURL: String, maxConnections: Int = 8, acquireTimeout: Duration = .seconds(5), timeoutMilliseconds: Int = 10_000) {
        pool = ConnectionPool(store: .search, maxConnections: maxConnections, acquireTimeout: acquireTimeout) {
            try HTTPConnection(baseURL: baseURL, timeoutMilliseconds: timeoutMilliseconds)
        }
    }

    /// Sends a request and returns the JSON answer; a status of 400 or more throws with the server's reason.
    @discardableResult
    public func request(_ method: String, _ path: String, json: JSONValue? = nil, allow: Set<Int> = []) async throws -> JSONValue {
        let body = json.map { $0.jsonBytes() }
        return try await send(method, path, body: body, contentType: "application/json", allow: allow)
    }

    func send(_ method: String, _ path: String, body: [UInt8]?, contentType: String, allow: Set<Int>) async throws -> JSONValue {
        let (status, bytes) = try await pool.withTracedConnection(operation: "\(method) \(Self.endpoint(path))") { connection, trace in
            try connection.request(method, path, body: body, contentType: contentType, headers: trace)
        }
        let answer = bytes.isEmpty ? JSONValue.null : ((try? JSONReader.parse(bytes)) ?? .string(String(decoding: bytes, as: UTF8.self)))
        if status >= 400 && !allow.contains(status) {
            throw StoreError(.search, .rejected, "\(method) \(path): \(SearchClient.reason(answer))", code: String(status))
        }
        return answer
    }

    /// A path's endpoint for a span's name: `/<index>/_search?x` is `_search`, `/<index>` the index.
    static func endpoint(_ path: String) -> String {
        let parts = path.split(separator: "?", maxSplits: 1)[0].split(separator: "/")
        return String(parts.last(where: { $0.hasPrefix("_") }) ?? parts.first ?? "/")
    }

    /// The server's own explanation of a failure (`error.reason`, or the whole body).
    static func reason(_ answer: JSONValue) -> String {
        if let reason = answer["error"]?["reason"]?.stringValue { return reason }
        if let error = answer["error"]?.stringValue { return error }
        return answer.jsonString()
    }

    public func indexExists(_ index: String) async throws -> Bool {
        let answer = try await pool.withConnection(operation: "HEAD \(index)") { try $0.request("HEAD", "/\(index)") }
        return answer.status == 200
    }

    /// Creates an index with settings and mappings, unless it already exists.
    public func createIndex(_ index: String, body: JSONValue) async throws {
        if try await indexExists(index) { return }
        try await request("PUT", "/\(index)", json: body)
    }

    public func deleteIndex(_ index: String) async throws {
        try await request("DELETE", "/\(index)", allow: [404])
    }

    /// Sends NDJSON bulk actions; throws if any item failed, naming the first failure.
    @discardableResult
    public func bulk(_ lines: [JSONValue], refresh: Bool = false, tolerate: Set<Int> = []) async throws -> JSONValue {
        var body = JSONWriter()
        for line in lines {
            body.write(line)
            body.bytes.append(0x0A)
        }
        let answer = try await send("POST", "/_bulk" + (refresh ? "?refresh=true" : ""), body: body.bytes,
                                    contentType: "application/x-ndjson", allow: [])
        if answer["errors"]?.boolValue == true, let items = answer["items"]?.arrayValue {
            for item in items {
                guard let result = item.objectValue?.entries.first?.value, let status = result["status"]?.intValue else { continue }
                if status >= 300 && !tolerate.contains(Int(status)) {
                    throw StoreError(.search, .rejected, "bulk item failed: \(SearchClient.reason(result))", code: String(status))
                }
            }
        }
        return answer
    }

    public func search(_ index: String, query: JSONValue) async throws -> JSONValue {
        try await request("POST", "/\(index)/_search", json: query)
    }

    public func refresh(_ index: String) async throws {
        try await request("POST", "/\(index)/_refresh")
    }

    public func shutdown() async { await pool.shutdown() }
}
