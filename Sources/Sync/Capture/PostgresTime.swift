import ReadModels

/// Parsing PostgreSQL's text output of dates and times (DateStyle ISO) without Foundation's slow formatters.
public enum PostgresTime {
    /// "2025-01-31 12:34:56.123456" or with an offset ("+09", "-03:30") -> microseconds since the Unix epoch, UTC.
    public static func microseconds(timestamp text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, let days = days(Array(bytes[0..<10])),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 6 { fraction = fraction * 10 + Int64(bytes[index] - 48); digits += 1 }
                index += 1
            }
            while digits < 6 { fraction *= 10; digits += 1 }
        }
        var offsetSeconds: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number(bytes, index + 1, 2) else { return nil }
            var minutes: Int64 = 0
            if index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":") { minutes = number(bytes, index + 4, 2) ?? 0 }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * 1_000_000 + fraction
    }

    /// "2025-01-31" -> days since 1970-01-01.
    public static func days(date text: String) -> Int64? { days(Array(text.utf8)) }

    static func days(_ bytes: [UInt8]) -> Int64? {
        guard bytes.count >= 10, let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return ISO8601Time.days(year: year, month: month, day: day)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        guard start + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for index in start..<start + count {
            let b = bytes[index]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int64(b - 48)
        }
        return value
    }
}
