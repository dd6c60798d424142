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

    /// A value a client chose (a request id, an error quoting its query) cannot end the line or add a field: anything
    /// but a plain token is quoted, with quotes, backslashes, control characters and line breaks escaped.
    @Test func clientTextCannotForgeFieldsOrLines() {
        let handler = BufferedLogHandler(label: "g")
        func line(_ value: String) -> String {
            handler.line(for: LogEvent(level: .info, message: "m", metadata: ["v": .string(value)], source: nil, file: #fileID,
                                       function: #function, line: #line), at: "t")
        }
        #expect(line("abc-1.2:3") == "t info g: v=abc-1.2:3 m\n")
        #expect(line(#"abc" injected=1 level=error"#) == #"t info g: v="abc\" injected=1 level=error" m"# + "\n")
        #expect(line("a\nb\r\u{0}\u{2028}c") == #"t info g: v="a\nb\u{d}\u{0}\u{2028}c" m"# + "\n")
        #expect(line(#"back\slash"#) == #"t info g: v="back\\slash" m"# + "\n")
        #expect(line("") == #"t info g: v="" m"# + "\n")
        #expect(line("커피") == "t info g: v=커피 m\n")
        for hostile in ["x\ny=1", "x\u{85}y", "x\u{2029}y=2", #"x" y="#] {
            let written = line(hostile)
            #expect(written.filter(\.isNewline).count == 1 && written.hasSuffix(" m\n"), "\(hostile) -> \(written)")
        }
    }
}
