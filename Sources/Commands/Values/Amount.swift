/// An exact decimal amount with two fraction digits (the `numeric(12, 2)` columns), held as hundredths: never a
/// floating-point number. Encoded as its text, e.g. "4500.00".
public struct Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The amount in hundredths of the currency unit.
    public var hundredths: Int64

    /// The largest value `numeric(12, 2)` holds.
    public static let maximum = Amount(hundredths: 999_999_999_999)

    public init(hundredths: Int64) { self.hundredths = hundredths }

    public init(integerLiteral value: Int64) { hundredths = value * 100 }

    /// Parses "4500", "4500.5" or "4500.50" (a leading "-" allowed; at most two fraction digits).
    public init?(_ text: String) {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 13,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int64(parts[0])
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(f) else { return nil }
            fraction = f.count == 1 ? value * 10 : value
        }
        hundredths = (whole * 100 + fraction) * (negative ? -1 : 1)
    }

    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.hundredths < rhs.hundredths }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let amount = Amount(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an amount: \(text)"))
        }
        self = amount
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
