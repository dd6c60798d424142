import Foundation
import GraphQLEngine
import JSON

/// Runs graphql-core (the Python port of graphql-js) live to compute expected answers.
///
/// ```swift
/// let answers = try GraphQLCoreOracle.ask([["op": "print", "sdl": .string(sdl)]])
/// ```
public enum GraphQLCoreOracle {
    public static let supportDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Sends a batch of requests; each answer is `{"ok": ...}` or `{"error": message}`.
    public static func ask(_ requests: [JSONValue]) throws -> [JSONValue] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", supportDirectory.appendingPathComponent("graphql_core_oracle.py").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let payload = Data(JSONValue.array(requests).jsonBytes())
        let writer = Thread { input.fileHandleForWriting.write(payload); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard case .array(let answers) = try JSONReader.parse([UInt8](data)) else {
            throw OracleError(message: "oracle answered no list")
        }
        // One answer per request, or the callers' zips would drop the rest unasked.
        guard answers.count == requests.count else {
            throw OracleError(message: "oracle answered \(answers.count) of \(requests.count) requests (exit \(process.terminationStatus))")
        }
        return answers
    }

    public struct OracleError: Error {
        public let message: String
        public init(message: String) { self.message = message }
    }
}

/// The shared corpus folder (../shared/graphql-corpus relative to the package root).
public enum Corpus {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/GraphQLTestSupport/X.swift -> package root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let candidates = [
            url.appendingPathComponent("../shared/graphql-corpus").standardized,
            URL(fileURLWithPath: "/work/shared/graphql-corpus"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()

    public static func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    public static func files(in folder: String) -> [String] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".graphql") }.sorted().map { folder + "/" + $0 }
    }
}

/// Compares JSON values with numbers by value (1 == 1.0) and object keys in order.
public func jsonEqual(_ a: JSONValue, _ b: JSONValue, ignoreKeyOrder: Bool = false) -> Bool {
    switch (a, b) {
    case (.int, .int), (.double, .double), (.int, .double), (.double, .int):
        return a.doubleValue == b.doubleValue
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { jsonEqual($0, $1, ignoreKeyOrder: ignoreKeyOrder) }
    case (.object(let x), .object(let y)):
        guard x.count == y.count else { return false }
        if ignoreKeyOrder {
            return x.allSatisfy { k, v in y[k].map { jsonEqual(v, $0, ignoreKeyOrder: true) } ?? false }
        }
        return x.keys == y.keys && zip(x.values, y.values).allSatisfy { jsonEqual($0, $1) }
    default:
        return a == b
    }
}

/// A message with graphql-core's Python quoting mapped to graphql-js's (`'X'` -> `"X"`, `None` -> `null`).
public func normalizeMessage(_ message: String) -> String {
    var m = message.replacingOccurrences(of: "'", with: "\"")
    for (py, js) in [("None", "null"), ("True", "true"), ("False", "false"), ("to be a mapping", "to be an object"),
                     ("\"resolve_type\"", "\"resolveType\""), ("\"is_type_of\"", "\"isTypeOf\"")] {
        m = m.replacingOccurrences(of: py, with: js)
    }
    // Python's dict repr {"a": 1} vs graphql-js's inspect { a: 1 }.
    for (pattern, template) in [(#""(\w+)": "#, "$1: "), (#"\{(?! )(?!\})"#, "{ "), (#"(?<! )(?<!\{)\}"#, " }")] {
        m = m.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
    }
    return m
}

/// The errors of a response as a set of normalized `message @ locations @ path` strings.
public func errorSet(_ response: JSONValue) -> Set<String> {
    guard case .array(let errors)? = response["errors"] else { return [] }
    return Set(errors.map { e in
        let message = editionWording(normalizeMessage(e["message"]?.stringValue ?? ""))
        let locations = e["locations"].map { $0.jsonString() } ?? "[]"
        let path = e["path"].map { $0.jsonString() } ?? "-"
        return "\(message) @ \(locations) @ \(path)"
    })
}

/// The September 2025 edition made a missing root operation type a validation error (KnownOperationTypesRule,
/// graphql-js 17's wording); graphql-core 3.2.8 reports it at execution in other words. Same place, same meaning.
public func editionWording(_ message: String) -> String {
    for operation in ["query", "mutation", "subscription"]
    where message == "Schema is not configured to execute \(operation) operation." {
        return "The \(operation) operation is not supported by the schema."
    }
    return message
}

/// Whether our response matches graphql-core's: `data` equal with key order (an absent `data`, as graphql-js
/// leaves it when the request fails before execution, matches graphql-core's `None`), errors equal as a set.
public func responsesMatch(_ ours: JSONValue, _ expected: JSONValue) -> Bool {
    jsonEqual(ours["data"] ?? .null, expected["data"] ?? .null) && errorSet(ours) == errorSet(expected)
}
