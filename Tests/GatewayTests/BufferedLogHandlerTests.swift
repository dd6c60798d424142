import Logging
import Testing
@testable import Gateway

/// The gateway's log lines: level, label, metadata sorted with the event's own values winning, then the message.
@Suite struct BufferedLogHandlerTests {
    @Test func linesKeepTheStreamLayout() {
        var handler = BufferedLogHandler(label: "gifticon.gateway")
        handler[metadataKey: "request-id"] = "r-1"
        handler[metadataKey: "status"] = "old"
        let event = LogEvent(level: .warning, message: "request timed out", metadata: ["status": "504", "ms": "10.5"],
                             source: nil, file: #fileID, function: #function, line: #line)
        #expect(handler.line(for: event, at: "2026-12-01T20:23:29.123Z")
                == "2026-12-01T20:23:29.123Z warning gifticon.gateway: ms=10.5 request-id=r-1 status=504 request timed out\n")
        #expect(LogOutput.shared.timestamp().count == "2026-12-01T20:23:29.123Z".count)
        #expect(LogOutput.shared.timestamp().hasSuffix("Z"))
    }
}
