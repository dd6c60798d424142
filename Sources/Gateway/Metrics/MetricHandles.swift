import Synchronization

/// Metric objects by label set, made once by the registry and reused (a registry lookup per request is not free).
final class MetricHandles<Metric: AnyObject & Sendable>: Sendable {
    private let handles = Mutex<[String: Metric]>([:])

    func handle(_ labels: String, make: () -> Metric) -> Metric {
        handles.withLock { handles in
            if let known = handles[labels] { return known }
            let made = make()
            handles[labels] = made
            return made
        }
    }
}
