import Foundation

/// A server process a test starts for itself (to stop it mid-test), waited for by readiness: it counts as up once
/// it answers its own protocol. Its output goes to a log file, whose tail a failure shows: a server that exits at
/// once (a port taken, a storage locked) or never answers says why instead of timing out silently.
///
/// ```swift
/// let redis = OwnServer(name: "redis-server", executable: "/usr/bin/redis-server", arguments: ["--port", "\(port)"])
/// try await redis.start { (try? RedisConnection(url: url, timeoutSeconds: 1)) != nil }
/// ```
final class OwnServer {
    let name: String
    let log: URL
    private let executable: String
    private let arguments: [String]
    private let environment: [String: String]
    private var process: Process?

    /// 60 s: a Python server opening its storage takes about 2 s alone and far longer on a loaded two-core machine
    /// running the rest of the suite; a server that exits is reported at once, whatever the deadline.
    static let startDeadline: Duration = .seconds(60)

    /// `environment`: variables set on top of the test process's own (a `gifticon` pointed at a test's database, say).
    init(name: String, executable: String, arguments: [String], environment: [String: String] = [:]) {
        (self.name, self.executable, self.arguments, self.environment) = (name, executable, arguments, environment)
        log = FileManager.default.temporaryDirectory.appendingPathComponent("own-\(name)-\(UInt32.random(in: 0...UInt32.max)).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: log)
    }

    /// Starts the process and returns once `answers` says it answers; throws, with the log's tail, if the process
    /// exits first or `startDeadline` passes.
    func start(answers: () async -> Bool) async throws {
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        output.write(Data("--- \(name) \(arguments.joined(separator: " "))\n".utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        let clock = ContinuousClock()
        let deadline = clock.now + Self.startDeadline
        while clock.now < deadline {
            if await answers() { return }
            guard process.isRunning else {
                throw HarnessError("\(name) exited (status \(process.terminationStatus)) before it answered:\n\(logTail())")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        if await answers() { return }
        throw HarnessError("\(name) did not answer within \(Self.startDeadline):\n\(logTail())")
    }

    /// A SecantusDB (the stack's stand-in MongoDB, from its virtualenv) on a free port, over a new storage folder in
    /// the temporary directory (the caller removes it), not started yet.
    static func secantusDB(named label: String) throws -> (server: OwnServer, uri: String, port: Int, storage: URL) {
        let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".stack/venv/bin/secantusd-py").path
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw HarnessError("no secantusd-py at \(executable)") }
        let storage = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: storage, withIntermediateDirectories: true)
        let port = try freePort()
        let server = OwnServer(name: "secantusd-py", executable: executable,
                               arguments: ["--host", "127.0.0.1", "--port", String(port), "--storage-path", storage.path, "--log-level", "WARNING"])
        return (server, "mongodb://127.0.0.1:\(port)/gifticon?directConnection=true", port, storage)
    }

    /// Sends `signal` (SIGSTOP: a hung store, which still accepts connections and never answers; SIGCONT: back).
    func send(_ signal: Int32) {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    /// Whether the process has exited (after a signal, say).
    var hasExited: Bool { process.map { !$0.isRunning } ?? true }

    /// SIGKILL: a stopped store, not a graceful shutdown.
    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGCONT)   // a stopped process dies of SIGKILL too; this only makes it prompt
        kill(process.processIdentifier, SIGKILL)
    }

    func logTail(lines: Int = 40) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? "(no log)"
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// A port nothing listens on, outside the kernel's ephemeral range: a port inside it can be taken by any
    /// outgoing connection of the suite while the test's server is down, and the restarted server then fails to bind.
    static func freePort() throws -> Int {
        let (low, high) = ephemeralRange()
        let candidates = high < 64_535 ? Array((high + 1)...65_535) : Array(10_000..<low)
        for _ in 0..<50 {
            let port = candidates.randomElement()!
            if canBind(port) { return port }
        }
        throw HarnessError("no free port outside the ephemeral range \(low)-\(high)")
    }

    private static func ephemeralRange() -> (Int, Int) {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let bounds = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return bounds.count == 2 ? (bounds[0], bounds[1]) : (32_768, 60_999)
    }

    private static func canBind(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
