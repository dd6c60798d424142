import Foundation

/// CPU seconds used so far by the benchmark itself, its member processes and the stores' servers on this machine
/// (from /proc: user + system time), by role.
struct ProcessUsage {
    let members: [Int32]

    /// The stores' servers, told apart by their command lines.
    static let servers: [(role: String, marker: String)] = [
        ("mongo", "secantusd"), ("search", "osmem-server"), ("broker", "noida-db"), ("redis", "redis-server"), ("postgres", "postgres"),
    ]

    func sample() -> [String: Double] {
        var seconds: [String: Double] = [:]
        seconds["bench"] = Self.cpuSeconds(getpid())
        for (index, pid) in members.enumerated() { seconds["member \(index + 1)"] = Self.cpuSeconds(pid) }
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        for pid in pids {
            guard let commandLine = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8) else { continue }
            let line = commandLine.replacingOccurrences(of: "\u{0}", with: " ")
            if let server = Self.servers.first(where: { line.contains($0.marker) }) {
                seconds[server.role, default: 0] += Self.cpuSeconds(pid)
            }
        }
        return seconds
    }

    /// utime + stime of `pid` (fields 14 and 15 of /proc/<pid>/stat, after the parenthesised name).
    static func cpuSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
