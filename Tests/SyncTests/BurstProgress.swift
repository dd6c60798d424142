import Foundation

/// How far the crash workload's burst has come: how many of its transactions committed, when it began and ended.
/// Kills are placed by it, so they spread over the burst however long a loaded machine makes it.
final class BurstProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var beganAt: ContinuousClock.Instant?
    private var endedAt: ContinuousClock.Instant?

    var committed: Int { lock.withLock { count } }
    var began: ContinuousClock.Instant? { lock.withLock { beganAt } }
    var ended: ContinuousClock.Instant? { lock.withLock { endedAt } }

    func begin() { lock.withLock { beganAt = .now } }
    func commit() { lock.withLock { count += 1 } }
    func end() { lock.withLock { endedAt = .now } }

    /// Returns once `transactions` committed, then `sleeping` a random part of `pause`: the kill lands at a random
    /// moment between two commits. `meanwhile` runs while it waits (restarting processes that exited by themselves).
    func reach(_ transactions: Int, pause: Duration, meanwhile: () async throws -> Void) async throws {
        while committed < transactions && ended == nil {
            try await meanwhile()
            try await Task.sleep(for: .milliseconds(5))
        }
        try await Task.sleep(for: pause * Double.random(in: 0..<1))
    }

    /// `count` points of the burst of `length` transactions, one at random in each of `count` equal parts: spread
    /// over the whole burst, none bunched at its start.
    static func killPoints(_ count: Int, of length: Int) -> [Int] {
        (0..<count).map { part in Int.random(in: (part * length / count)...((part + 1) * length / count - 1)) }
    }

    /// Where moments fell in the burst, for the test's report once it ended: milliseconds since it began, and the
    /// share of its measured length.
    func describe(_ instants: [ContinuousClock.Instant]) -> String {
        guard let began, let ended else { return "(the burst did not run to its end)" }
        let total = ended - began
        let points = instants.map { "\((($0 - began) / total * 100).rounded())%" }
        return "at \(points.joined(separator: ", ")) of the \(total.milliseconds) ms burst"
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
