import Foundation

/// The shared corpus (`../shared/graphql-corpus` beside the repository).
enum Corpus {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }  // Benchmarks/Benchmarks/GraphQLBenchmarks/X.swift -> repo
        let candidate = url.appendingPathComponent("../shared/graphql-corpus").standardized
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: "/work/shared/graphql-corpus")
    }()

    static func read(_ name: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
}
