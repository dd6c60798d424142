import Foundation
import GraphQLEngine
import Testing

/// Seeded random documents: every input ends in a document or a GraphQLError, fast, never a crash or hang.
@Suite("Parser fuzz")
struct FuzzTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = [
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "|", "&", "...", "..", ".", ",", " ", "\n", "\r", "\t",
        "\"", "\"\"\"", "\\", "\\u", "\\u{", "D83D", "#", "a", "on", "query", "fragment", "type", "extend", "schema",
        "enum", "input", "directive", "repeatable", "implements", "0", "-", "1.5e3", "e", "true", "null", "é", "😀",
        "\u{FEFF}", "\u{0}", "'",
    ]

    static func mutate(_ seed: String, _ rng: inout SplitMix64) -> String {
        var scalars = Array(seed.unicodeScalars)
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where position < scalars.count:
                scalars.remove(at: position)
            case 1 where !scalars.isEmpty:
                let end = min(scalars.count, position + Int.random(in: 1...40, using: &rng))
                if position < end { scalars.removeSubrange(position..<end) }
            default:
                let piece = alphabet.randomElement(using: &rng)!
                scalars.insert(contentsOf: piece.unicodeScalars, at: min(position, scalars.count))
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func seeds() -> [String] {
        var seeds = LanguageCases.documents
        for name in ["kitchen-sink.graphql", "schema-kitchen-sink.graphql"] {
            if let text = try? LanguageCorpus.read(name) { seeds.append(text) }
        }
        return seeds
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(state: 0xC0FFEE)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<5_000 {
            let length = Int.random(in: 0..<200, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let source = String(decoding: bytes, as: UTF8.self)
            _ = try? parse(source)
            _ = try? parseValue(source)
            _ = try? parseType(source)
        }
        #expect(clock.now - start < .seconds(30))
    }

    @Test func mutatedDocumentsNeverCrashAndRoundTrip() throws {
        var rng = SplitMix64(state: 42)
        let seeds = Self.seeds()
        var parsed = 0
        for _ in 0..<5_000 {
            let source = Self.mutate(seeds.randomElement(using: &rng)!, &rng)
            if let document = try? parse(source, options: ParseOptions(noLocation: true)) {
                parsed += 1
                let printed = print(document)
                #expect((try? parse(printed, options: ParseOptions(noLocation: true))) == document, "\(source)")
            }
        }
        #expect(parsed > 100)
    }

    /// Mutated documents against graphql-core: same printed text or same syntax error and location.
    @Test func mutatedDocumentsMatchGraphQLCore() throws {
        var rng = SplitMix64(state: 7)
        let seeds = Self.seeds()
        let requests = (0..<3_000).map { _ in
            LanguageOracle.Request(source: Self.mutate(seeds.randomElement(using: &rng)!, &rng))
        }
        try ParserDifferentialTests.check(requests)
    }

    /// Inputs the fuzzers found troublesome, kept as regressions (Fixtures/regressions/*.txt), held to what the
    /// libFuzzer harness (Fuzz/ParserFuzzer.swift) checks: a document that prints and parses back to the same tree,
    /// or a syntax error located inside the input; `parseValue` and `parseType` the same.
    @Test func regressions() throws {
        let dir = LanguageOracle.directory.appendingPathComponent("Fixtures/regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!names.isEmpty, "no regression inputs in \(dir.path)")
        for name in names {
            let source = String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
            Self.expectDocumentOrLocatedSyntaxError(name, source) { try parse($0, options: ParseOptions(noLocation: true)) } reparse: {
                try parse(print($0), options: ParseOptions(noLocation: true))
            }
            Self.expectDocumentOrLocatedSyntaxError(name, source) { try parseValue($0, options: ParseOptions(noLocation: true)) } reparse: {
                try parseValue(printValue($0), options: ParseOptions(noLocation: true))
            }
            Self.expectDocumentOrLocatedSyntaxError(name, source) { try parseType($0, options: ParseOptions(noLocation: true)) } reparse: {
                try parseType(printType($0), options: ParseOptions(noLocation: true))
            }
        }
    }

    /// `parse` succeeds and its printed text parses back to the same tree, or it fails with a syntax error whose
    /// location is a line and column of `source` (a lexer that ran past the end would point beyond it).
    static func expectDocumentOrLocatedSyntaxError<Node: Equatable>(
        _ name: String, _ source: String, parse: (String) throws -> Node, reparse: (Node) throws -> Node,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        do {
            let node = try parse(source)
            #expect((try? reparse(node)) == node, "\(name): the printed tree parses back differently", sourceLocation: sourceLocation)
        } catch let error as GraphQLError {
            #expect(error.message.hasPrefix("Syntax Error: "), "\(name): \(error.message)", sourceLocation: sourceLocation)
            let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            #expect(error.locations.count == 1, "\(name): \(error.locations)", sourceLocation: sourceLocation)
            for location in error.locations {
                let inside = location.line >= 1 && location.line <= lines.count && location.column >= 1
                    && location.column <= lines[location.line - 1].unicodeScalars.count + 1
                #expect(inside, "\(name): \(error.message) at \(location), outside the input", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("\(name): not a GraphQLError: \(error)", sourceLocation: sourceLocation)
        }
    }
}
