import Foundation
import Synchronization

/// Request ids for requests that bring none: a random prefix per process and a counter, unique across restarts and
/// replicas for log correlation. (Foundation's UUID opened /dev/urandom for each one: 3% of a cached query.)
enum RequestID {
    private static let prefix: String = {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }()
    private static let counter = Atomic<UInt64>(0)

    /// An incoming `X-Request-ID`, if it is 1 to 128 letters, digits and `-_.:` (a UUID, a trace id, a number);
    /// anything else (quotes, spaces, control characters that would forge log fields) is replaced by `next()`.
    static func accepted(_ incoming: String) -> String? {
        let bytes = incoming.utf8
        guard (1...128).contains(bytes.count), bytes.allSatisfy({ byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-_.:".utf8.contains(byte)
        }) else { return nil }
        return incoming
    }

    static func next() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return "\(prefix)-\(n)"
    }
}
