import Foundation
import Stores
import Sync

/// Commit-to-visible lag as a reader waiting on a consistency token sees it: each command's lag is from its
/// commit until the applied position first passes its token (read every 10 ms, so up to 10 ms late).
enum LagProbe {
    /// Watches until its task is cancelled; the lags in milliseconds.
    static func watch(_ commits: MarketLoad.CommitLog, positions: AppliedPositionPublisher) async throws -> [Double] {
        let clock = ContinuousClock()
        var seen = 0
        var pending: [(at: ContinuousClock.Instant, token: LSN)] = []
        var lags: [Double] = []
        while !Task.isCancelled {
            let new = commits.entries(from: seen)
            seen += new.count
            pending += new
            if let applied = try? await positions.current() {
                let now = clock.now
                pending.removeAll { commit in
                    guard commit.token <= applied else { return false }
                    let lag = now - commit.at
                    lags.append(Double(lag.components.seconds) * 1000 + Double(lag.components.attoseconds) / 1e15)
                    return true
                }
            }
            do { try await Task.sleep(for: .milliseconds(10)) } catch { break }
        }
        return lags
    }
}
