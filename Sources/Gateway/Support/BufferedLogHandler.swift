import Foundation
import Logging
import Synchronization

/// swift-log's handler for the served gateway: one line per event on standard output, in the layout of swift-log's
/// `StreamLogHandler` (`2026-12-01T20:23:29.123Z info gifticon.gateway: key=value message`), written through one
/// buffer that a thread flushes every 100 ms (at once for warnings and worse).
///
/// Why: with a line per request, `StreamLogHandler`'s formatting (metadata re-rendered at every change, local time
/// from the time-zone file) and one `write` per line were a seventh of a cached query's CPU. The price: a crash can
/// lose the last 100 ms of info lines.
public struct BufferedLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        LogOutput.shared.append(line(for: event, at: LogOutput.shared.timestamp()), flush: event.level >= .warning)
    }

    /// A metadata value as is when it is plain (printable, no space, quote, backslash or `=`), else quoted, with
    /// quotes, backslashes, control characters and line breaks escaped: a client's text (a request id, an error
    /// quoting its query) can then neither end the line nor forge another `key=value`.
    static func appendValue(_ value: String, to line: inout String) {
        func escaped(_ scalar: Unicode.Scalar) -> Bool {
            // Printable ASCII (almost every value) answers without the Unicode property tables, which cost a
            // request's log line 2% of the gateway's CPU.
            if scalar.value >= 0x21 && scalar.value < 0x7F { return false }
            return scalar.properties.generalCategory == .control || (scalar.properties.isWhitespace && scalar != " ")
        }
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar != " " && scalar != "\"" && scalar != "\\" && scalar != "=" && !escaped(scalar)
        }
        guard !plain else { line += value; return }
        line += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case _ where escaped(scalar): line += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: line.unicodeScalars.append(scalar)
            }
        }
        line += "\""
    }

    /// The event's line, newline included.
    func line(for event: LogEvent, at timestamp: String) -> String {
        var line = ""
        line.reserveCapacity(160)
        line += timestamp
        line += " "
        line += event.level.rawValue
        line += " "
        line += label
        line += ":"
        // Keys in order, later sources winning (explicit over provided over the logger's own), without merging
        // dictionaries for the common case of a few keys.
        var pairs: [(String, Logger.MetadataValue)] = metadata.map { ($0.key, $0.value) }
        if let provided = metadataProvider?.get() { pairs.append(contentsOf: provided.map { ($0.key, $0.value) }) }
        if let explicit = event.metadata { pairs.append(contentsOf: explicit.map { ($0.key, $0.value) }) }
        pairs.sort { $0.0 < $1.0 }
        for (index, (key, value)) in pairs.enumerated() where index + 1 == pairs.count || pairs[index + 1].0 != key {
            line += " "
            line += key
            line += "="
            Self.appendValue(value.description, to: &line)
        }
        line += " "
        line += event.message.description
        line += "\n"
        return line
    }
}

/// Standard output behind one buffer, flushed by a thread of its own.
final class LogOutput: Sendable {
    static let shared = LogOutput()

    private let buffer = Mutex<[UInt8]>([])
    /// The last second formatted, and its text.
    private let second = Mutex<(seconds: Int, text: String)>((-1, ""))

    private init() {
        buffer.withLock { $0.reserveCapacity(64 << 10) }
        let thread = Thread { [unowned self] in
            while true {
                usleep(100_000)
                self.flush()
            }
        }
        thread.name = "gateway-log"
        thread.start()
        atexit { LogOutput.shared.flush() }
    }

    func append(_ line: String, flush now: Bool) {
        let full = buffer.withLock { buffer -> Bool in
            buffer.append(contentsOf: line.utf8)
            return buffer.count >= 48 << 10
        }
        if now || full { flush() }
    }

    func flush() {
        let pending = buffer.withLock { buffer -> [UInt8] in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, pending.count - offset) }
            if written <= 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }

    /// UTC, milliseconds: the seconds part is formatted once per second.
    func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let seconds = now.tv_sec
        let millis = Int(now.tv_nsec / 1_000_000)
        let prefix = second.withLock { second -> String in
            if seconds != second.seconds {
                var time = seconds
                var parts = tm()
                gmtime_r(&time, &parts)
                second.text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                                     Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
                second.seconds = seconds
            }
            return second.text
        }
        let fraction = String(millis)
        return prefix + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }
}
