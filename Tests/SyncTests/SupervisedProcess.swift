import Foundation

/// A `gifticon` process a crash test kills with SIGKILL and restarts, as a supervisor would. Its output goes to a
/// log file (kept when the test fails: it says where each run stopped).
final class SupervisedProcess {
    let role: String
    let environment: [String: String]
    let arguments: [String]
    let log: URL
    private(set) var process: Process?
    private(set) var starts = 0
    private var startedAt = ContinuousClock.now

    init(role: String, environment: [String: String], arguments: [String], log: URL) {
        (self.role, self.environment, self.arguments, self.log) = (role, environment, arguments, log)
        FileManager.default.createFile(atPath: log.path, contents: nil)
    }

    var isRunning: Bool { process?.isRunning ?? false }

    func start() throws {
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        output.write(Data("--- \(role) start \(starts + 1)\n".utf8))
        let process = Process()
        process.executableURL = SyncCrashTests.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        starts += 1
        startedAt = .now
    }

    /// SIGKILL now (no shutdown code runs, no consumer leaves its group, no producer flushes), restarting the process
    /// first if it had exited on its own. True once a kill landed: the process was running and died of that signal,
    /// not of its own exit just before (a start that raced the dead run's walsender exits by itself).
    func kill() throws -> Bool {
        for _ in 0..<3 {
            if !isRunning { try start() }
            guard let process else { continue }
            let sent = Foundation.kill(process.processIdentifier, SIGKILL) == 0
            process.waitUntilExit()
            if sent && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL { return true }
        }
        return false
    }

    /// Starts the process again if it exited on its own (a start that raced the dead run's walsender does), at most
    /// every 200 ms, as a supervisor's backoff would. A kill's restart does not wait: see `kill`'s callers.
    func restartIfExited() throws {
        if !isRunning && ContinuousClock.now - startedAt > .milliseconds(200) { try start() }
    }

    func logTail(lines: Int = 40) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? "(no log)"
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
