import Foundation

/// Metric objects by label set, made once by the registry and reused (a registry lookup per request is not free).
final class MetricHandles<Metric: AnyObject & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var handles: [String: Metric] = [:]

    func handle(_ labels: String, make: () -> Metric) -> Metric {
        lock.withLock {
            if let known = handles[labels] { return known }
            let made = make()
            handles[labels] = made
            return made
        }
    }
}
