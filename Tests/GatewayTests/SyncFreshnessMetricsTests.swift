import Foundation
import Testing

/// /metrics tells an idle sync from a stuck one: the sync reports every few seconds while it runs, and how far the
/// read models are behind the command database is 0 once it is caught up.
@Suite struct SyncFreshnessMetricsTests {
    @Test func anIdleCaughtUpSyncReportsNothingBehindAndOnTime() async throws {
        try await withGateway(sync: true) { gateway in
            func gauge(_ name: String) async throws -> Double? {
                let text = try await gateway.send("GET", path: "/metrics").text
                let line = text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
                return line.flatMap { Double($0.split(separator: " ").last ?? "") }
            }
            var behind: Double?, sinceReport: Double?
            // The first report follows the sync's first snapshot, which the start of a loaded suite (every test starting
            // a sync at once) delayed past 30 s in a fresh-clone run.
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                behind = try await gauge("gateway_sync_behind_bytes")
                sinceReport = try await gauge("gateway_sync_since_report_seconds")
                if behind == 0, let sinceReport, sinceReport < 6 { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            #expect(behind == 0, "caught up and idle: nothing behind")
            #expect(sinceReport.map { $0 < 6 } == true, "reported within the last 5 s: \(String(describing: sinceReport))")
            // Idle for longer than the report interval: the reports go on.
            try await Task.sleep(for: .seconds(7))
            let later = try await gauge("gateway_sync_since_report_seconds")
            #expect(later.map { $0 < 6 } == true, "still reporting while idle: \(String(describing: later))")
        }
    }
}
