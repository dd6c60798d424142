import Foundation
import GraphQLEngine

/// graphql-core 3.2.8 run live (`language_oracle.py`) to compute the expected parse/print/error answers.
enum LanguageOracle {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    struct Request {
        var op: String = "parse"
        var source: String
        var maxTokens: Int? = nil
    }

    enum Answer: Equatable, CustomStringConvertible {
        case printed(String)
        case error(message: String, locations: [[Int]])
        /// graphql-core crashed on the input: no expectation (a mismatch unless it is a known crash).
        case skipped(String)

        var description: String {
            switch self {
            case .printed(let text): return "printed:\n\(text)"
            case .error(let message, let locations): return "error: \(message) at \(locations)"
            case .skipped(let reason): return "graphql-core crashed: \(reason)"
            }
        }
    }

    /// Asks graphql-core for a batch of answers (one python process per batch).
    static func ask(_ requests: [Request]) throws -> [Answer] {
        let payload: [[String: Any]] = requests.map { request in
            var entry: [String: Any] = ["op": request.op, "source": request.source]
            if let maxTokens = request.maxTokens { entry["maxTokens"] = maxTokens }
            return entry
        }
        let input = try JSONSerialization.data(withJSONObject: payload)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory.appendingPathComponent("language_oracle.py").path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let answers = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw OracleFailure(message: "graphql-core oracle gave no answer")
        }
        // One answer per request, or the caller's zip would drop the rest unasked.
        guard answers.count == requests.count else {
            throw OracleFailure(message: "graphql-core oracle answered \(answers.count) of \(requests.count) requests (exit \(process.terminationStatus))")
        }
        return answers.map { answer in
            if answer["skip"] as? Bool == true { return .skipped(answer["message"] as? String ?? "") }
            if answer["ok"] as? Bool == true {
                return .printed(answer["printed"] as? String ?? "")
            }
            let locations = (answer["locations"] as? [[Any]] ?? []).map { $0.compactMap { ($0 as? NSNumber)?.intValue } }
            return .error(message: answer["message"] as? String ?? "", locations: locations)
        }
    }

    struct OracleFailure: Error { let message: String }

    /// Our answer to the same request.
    static func ours(_ request: Request) -> Answer {
        do {
            let options = ParseOptions(maxTokens: request.maxTokens, maxDepth: 100_000)
            switch request.op {
            case "parseValue": return .printed(printValue(try parseValue(request.source, options: options)))
            case "parseType": return .printed(printType(try parseType(request.source, options: options)))
            default: return .printed(print(try parse(request.source, options: options)))
            }
        } catch {
            return .error(message: error.message, locations: error.locations.map { [$0.line, $0.column] })
        }
    }

    /// graphql-core quotes with `'`, graphql-js with `"`: compare messages modulo that.
    static func normalized(_ answer: Answer) -> Answer {
        switch answer {
        case .printed, .skipped: return answer
        case .error(let message, let locations):
            return .error(message: message.replacingOccurrences(of: "\"", with: "'"), locations: locations)
        }
    }

    /// Runs every request through both parsers; returns the mismatches (request, ours, graphql-core's). An input
    /// graphql-core crashes on is a mismatch too, unless it is one of `knownCrashes` and ours ends in a syntax error.
    static func mismatches(_ requests: [Request]) throws -> [(Request, Answer, Answer)] {
        var result: [(Request, Answer, Answer)] = []
        var index = 0
        while index < requests.count {
            let batch = Array(requests[index..<min(requests.count, index + 2000)])
            let expected = try ask(batch)
            for (request, theirs) in zip(batch, expected) {
                let mine = ours(request)
                if case .skipped(let crash) = theirs, case .error = mine, knownCrash(request, crash) != nil { continue }
                if normalized(mine) != normalized(theirs) { result.append((request, mine, theirs)) }
            }
            index += batch.count
        }
        return result
    }

    /// graphql-core 3.2.8 bugs that crash it where graphql-js reports a syntax error; each with the inputs it
    /// covers, so that any other crash still fails the comparison.
    static let knownCrashes: [(reason: String, covers: @Sendable (Request, String) -> Bool)] = [
        // A backslash, or a \u escape with fewer digits than it needs, as the input's last characters.
        ("its lexer reads past the end of the input inside an escape sequence (IndexError; graphql-js: a syntax error)",
         { request, crash in
             crash.hasPrefix("IndexError") && request.source.range(of: #"\\(u(\{[0-9A-Fa-f]*|[0-9A-Fa-f]{0,3}))?$"#, options: .regularExpression) != nil
         }),
    ]

    static func knownCrash(_ request: Request, _ crash: String) -> String? {
        knownCrashes.first { $0.covers(request, crash) }?.reason
    }
}

/// The shared corpus (`../shared/graphql-corpus` relative to the package root).
enum LanguageCorpus {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Tests/GraphQLEngineTests/Language/X.swift
        let candidate = url.appendingPathComponent("../shared/graphql-corpus").standardized
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: "/work/shared/graphql-corpus")
    }()

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static func documents(inJSON relative: String) throws -> [String] {
        let data = try Data(contentsOf: root.appendingPathComponent(relative))
        let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return entries.compactMap { $0["document"] as? String }
    }

    /// Every `.graphql` file of a corpus folder; a folder or file that cannot be read throws rather than shrinking
    /// the comparison unnoticed.
    static func graphqlFiles(in folder: String) throws -> [String] {
        let dir = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".graphql") }.sorted().map {
            try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// Our own documents: `Fixtures/*.graphql`.
    static func fixtures() throws -> [String] {
        let dir = LanguageOracle.directory.appendingPathComponent("Fixtures")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".graphql") }.sorted().map {
            try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
        }
    }
}
