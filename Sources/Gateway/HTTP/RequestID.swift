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

    static func next() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return "\(prefix)-\(n)"
    }
}
