import Foundation

/// Opaque offset cursors: base64 of `offset:N`.
enum Cursor {
    static func make(_ offset: Int) -> String { Data("offset:\(offset)".utf8).base64EncodedString() }

    static func offset(_ cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("offset:"), let n = Int(text.dropFirst(7)), n >= 0, n < 100_000
        else { return nil }
        return n
    }
}
