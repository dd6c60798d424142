import Foundation
import Synchronization

/// A GraphQL-over-SSE client on a plain socket, as an EventSource reads: it sends one request, reads the response's
/// head, undoes chunked transfer coding, and parses the event stream (`event:`, `id:`, `data:`, comment lines) into
/// events as they arrive. `stop()` closes the socket, as a client going away does.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Equatable {
        var name = "message"
        var id: String?
        var data = ""
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] }
        static func == (a: Event, b: Event) -> Bool { a.name == b.name && a.id == b.id && a.data == b.data }
    }

    private struct State {
        var head: String?
        var events: [Event] = []
        var comments = 0
        var closed = false
    }

    private let fd: Int32
    private let state = Mutex(State())
    private var reader: Thread?

    /// Opens the connection and sends `method` `/graphql` with `headers` and `body`; reading starts at once.
    init(port: Int, method: String = "POST", target: String = "/graphql", headers: [String: String], body: String = "") throws {
        fd = try connectedSocket(port: port)
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if method == "POST" { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + body
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        let thread = Thread { [self] in read() }
        reader = thread
        thread.start()
    }

    deinit { stop() }

    func stop() {
        let wasOpen = state.withLock { state in
            defer { state.closed = true }
            return !state.closed
        }
        if wasOpen { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    var head: String? { state.withLock { $0.head } }
    var events: [Event] { state.withLock { $0.events } }
    var keepAlives: Int { state.withLock { $0.comments } }
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Waits (polling) until `count` events arrived or the stream closed; the events so far.
    func waitForEvents(_ count: Int, within seconds: Double = 30) async throws -> [Event] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let (events, closed) = state.withLock { ($0.events, $0.closed) }
            if events.count >= count || closed { return events }
            try await Task.sleep(for: .milliseconds(20))
        }
        return events
    }

    private func read() {
        var raw = [UInt8]()
        var body = [UInt8]()
        var chunked = false
        var headDone = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var text = ""
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            raw += buffer[0..<count]
            if !headDone, let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self)
                state.withLock { $0.head = head }
                chunked = head.lowercased().contains("transfer-encoding: chunked")
                raw = Array(raw[end.upperBound...])
                headDone = true
            }
            guard headDone else { continue }
            if chunked {
                // Whole chunks only: `size\r\n data \r\n`.
                while let line = raw.firstRange(of: Array("\r\n".utf8)),
                      let size = Int(String(decoding: raw[..<line.lowerBound], as: UTF8.self), radix: 16),
                      raw.count >= line.upperBound + size + 2 {
                    body += raw[line.upperBound..<line.upperBound + size]
                    raw = Array(raw[(line.upperBound + size + 2)...])
                    if size == 0 { break }
                }
            } else {
                body += raw
                raw = []
            }
            text += String(decoding: body, as: UTF8.self)
            body = []
            parse(&text)
        }
        state.withLock { $0.closed = true }
        close(fd)
    }

    /// Takes every complete event (ended by a blank line) off the front of `text`.
    private func parse(_ text: inout String) {
        while let end = text.range(of: "\n\n") {
            let block = text[..<end.lowerBound]
            text = String(text[end.upperBound...])
            var event = Event()
            var dataLines: [String] = []
            var comment = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { comment = true; continue }
                let (field, value) = line.firstIndex(of: ":").map { (line[..<$0], line[line.index(after: $0)...]) } ?? (line, "")
                let trimmed = value.hasPrefix(" ") ? String(value.dropFirst()) : String(value)
                switch field {
                case "event": event.name = trimmed
                case "id": event.id = trimmed
                case "data": dataLines.append(trimmed)
                default: break
                }
            }
            event.data = dataLines.joined(separator: "\n")
            if comment && dataLines.isEmpty { state.withLock { $0.comments += 1 } } else { state.withLock { $0.events.append(event) } }
        }
    }
}
