import JSON
import ReadModels

/// A `DateTime` argument, checked before it reaches a store: RFC 3339 text, either a date (`2026-01-31`) or a date
/// and time with an offset (`2026-01-31T09:30:00Z`, `2026-01-31T18:30:00.5+09:00`). The schema's `DateTime` is a
/// custom scalar, so the engine lets any value through; without this check a bad one became a search-store error
/// (INTERNAL), and a number matched everything.
struct DateTimeInput: Sendable, Comparable {
    /// The text as given (the search store parses the same forms).
    let text: String
    /// Microseconds since the Unix epoch, UTC (a date alone is its midnight, UTC).
    let micros: Int64

    static func < (a: DateTimeInput, b: DateTimeInput) -> Bool { a.micros < b.micros }
    static func == (a: DateTimeInput, b: DateTimeInput) -> Bool { a.micros == b.micros }

    /// nil for an absent or null value; BAD_USER_INPUT naming `field` for anything else that is not RFC 3339.
    static func read(_ value: JSONValue?, field: String) throws -> DateTimeInput? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue, let micros = parse(Array(text.utf8)) else {
            throw GatewayError.badInput(
                "\(field) must be a date such as \"2026-01-31\" or an instant such as \"2026-01-31T09:30:00Z\", got \(value).",
                field: field)
        }
        return DateTimeInput(text: text, micros: micros)
    }

    private static func parse(_ b: [UInt8]) -> Int64? {
        func digits(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= b.count else { return nil }
            var n: Int64 = 0
            for i in start..<start + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                n = n * 10 + Int64(b[i] - 48)
            }
            return n
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        let midnight = ISO8601Time.days(year: year, month: month, day: day) * 86_400_000_000
        if b.count == 10 { return midnight }
        guard b.count >= 20, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var i = 19
        var fraction: Int64 = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            var count = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if count < 6 { fraction = fraction * 10 + Int64(b[i] - 48) }
                count += 1
                i += 1
            }
            guard count > 0 else { return nil }
            for _ in min(count, 6)..<6 { fraction *= 10 }
        }
        guard i < b.count else { return nil }
        var offset: Int64 = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == b.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"), let h = digits(i + 1, 2), let m = digits(i + 4, 2),
                h < 24, m < 60
            else { return nil }
            offset = (h * 3600 + m * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        default: return nil
        }
        return midnight + ((hour * 3600 + minute * 60 + second - offset) * 1_000_000) + fraction
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
