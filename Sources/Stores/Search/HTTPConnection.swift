import CCurl

/// One libcurl easy handle, reused so its keep-alive connection is reused. Blocking; one pool thread at a time.
public final class HTTPConnection: PooledConnection {
    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    private let handle: UnsafeMutableRawPointer
    private let baseURL: String
    private let timeoutMilliseconds: Int
    private var broken = false
    private var closed = false

    public init(baseURL: String, timeoutMilliseconds: Int = 10_000) throws {
        _ = HTTPConnection.initialized
        guard let handle = curl_easy_init() else {
            throw StoreError(.search, .unavailable, "libcurl could not allocate a handle")
        }
        self.handle = handle
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    deinit { close() }

    public var isHealthy: Bool { !closed && !broken }

    public func close() {
        guard !closed else { return }
        closed = true
        curl_easy_cleanup(handle)
    }

    /// Sends one request; returns the status and body. Transport failures throw; HTTP error statuses do not.
    /// `headers` go along as given (the trace context's `traceparent`, say).
    public func request(_ method: String, _ path: String, body: [UInt8]? = nil, contentType: String = "application/json",
                        headers extraHeaders: [(String, String)] = []) throws -> (status: Int, body: [UInt8])
    {
        curl_easy_reset(handle)
        let sink = ResponseSink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var headers: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Content-Type: \(contentType)")
        headers = curl_slist_append(headers, "Expect:")
        for (name, value) in extraHeaders { headers = curl_slist_append(headers, "\(name): \(value)") }
        defer { curl_slist_free_all(headers) }

        gifticon_curl_setopt_string(handle, CURLOPT_URL, baseURL + path)
        if method == "HEAD" {
            gifticon_curl_setopt_long(handle, CURLOPT_NOBODY, 1)  // otherwise curl waits for a body that never comes
        } else {
            gifticon_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
        }
        gifticon_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMilliseconds)
        gifticon_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(timeoutMilliseconds, 3000))
        gifticon_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        gifticon_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        gifticon_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer)
        gifticon_curl_setopt_write_function(handle) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
            return length
        }

        let code: CURLcode
        if let body {
            code = body.withUnsafeBufferPointer { buffer in
                gifticon_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, buffer.count)
                gifticon_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!))
                return curl_easy_perform(handle)
            }
        } else {
            code = curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            broken = true
            let message = String(cString: curl_easy_strerror(code))
            let kind: StoreError.Kind = code == CURLE_OPERATION_TIMEDOUT ? .timeout : .unavailable
            throw StoreError(.search, kind, "\(method) \(path): \(message)")
        }
        var status = 0
        gifticon_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return (status, sink.bytes)
    }
}

/// Where libcurl's write callback collects the response body.
private final class ResponseSink {
    var bytes: [UInt8] = []
}
