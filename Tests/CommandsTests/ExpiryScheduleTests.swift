import Commands
import Foundation
import Logging
import Synchronization
import Testing

/// Expiry on its own: several schedules running at once expire every past-due listing once, and nothing else.
@Suite(.freshDatabase) struct ExpiryScheduleTests {
    @Test func concurrentSchedulesExpireEachPastDueListingOnce() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        var due: [Int64] = []
        for _ in 0..<12 { due.append(try await fixtures.gifticonOnSale().id) }
        let (fresh, _) = try await fixtures.gifticonOnSale()
        try await db.client.query("UPDATE gifticons SET due_date = current_date - 1 WHERE id = ANY($1::bigint[])",
                                  ["{\(due.map(String.init).joined(separator: ","))}"])
        let expired = Collected()
        let logger = { var logger = Logger(label: "test.expiry"); logger.logLevel = .critical; return logger }()
        let schedules = (0..<4).map { _ in
            Task {
                await ExpirySchedule(runner: db.runner, interval: .milliseconds(20)).run(logger: logger) { ids in
                    expired.ids.withLock { $0 += ids }
                }
            }
        }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, expired.ids.withLock({ Set($0).isSuperset(of: due) }) == false {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(200))   // more runs, which must find nothing
        schedules.forEach { $0.cancel() }
        for schedule in schedules { await schedule.value }
        let all = expired.ids.withLock { $0 }
        #expect(Set(all).isSuperset(of: due), "every past-due listing expired")
        // Other tests share the database: count only this test's listings.
        let mine = all.filter { due.contains($0) || $0 == fresh }
        #expect(mine.count == due.count && Set(mine).count == due.count, "each once, by one of the four schedules")
        for id in due { #expect(try await fixtures.status(id) == "EXPIRED") }
        #expect(try await fixtures.status(fresh) == "ON_SALE")
    }
}

/// The ids the schedules report, from any task.
final class Collected: Sendable {
    let ids = Mutex<[Int64]>([])
}
