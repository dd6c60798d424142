import ArgumentParser
import Foundation
import Gateway
import JSON

/// `gifticon-bench list-bodies`: the original list load test's requests (one of five keywords, a random price band,
/// a brand from 1 to 10), drawn once from a fixed seed and written twice, line for line: as GraphQL requests for the
/// gateway and as the search bodies the gateway sends for them, for the search server directly.
struct BenchListBodiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-bodies", abstract: "Write the list profile's requests as GraphQL bodies and as search bodies.")

    @Option(help: "How many requests.")
    var count = 5_000

    @Option(help: "The folder to write graphql.lines and search.lines into.")
    var out: String

    @Option(help: "The random seed.")
    var seed: UInt64 = 20_251_206

    static let keywords = ["아메리카노", "버거", "디저트", "커피", "빙수"]
    static let query = """
        query List($q: String, $f: GifticonFilter) { gifticons(query: $q, filter: $f, first: 20) { totalCount \
        nodes { id name status price { salePrice discountPercentage } brand { name } primaryImage { url } } \
        pageInfo { hasNextPage endCursor } } }
        """

    func run() throws {
        var state = seed
        func next(_ bound: Int) -> Int {   // splitmix64: the same draws on every machine
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var graphql = "", search = ""
        for _ in 0..<count {
            let min = next(5_000)
            let keyword = JSONValue.string(Self.keywords[next(Self.keywords.count)])
            let brand = JSONValue.array([.string(String(1 + next(10)))])
            let filter = JSONValue.object(JSONObject([
                ("minPrice", .string(String(min))), ("maxPrice", .string(String(min + next(10_000)))), ("brandIds", brand),
            ]))
            let variables = JSONValue.object(JSONObject([("q", keyword), ("f", filter)]))
            graphql += JSONValue.object(JSONObject([("query", .string(Self.query)), ("variables", variables)])).jsonString() + "\n"
            let arguments = JSONObject([("query", keyword), ("filter", filter), ("first", .int(20))])
            search += try ListPageSearchBody.body(arguments: arguments, selects: ["totalCount", "nodes", "pageInfo"]).jsonString() + "\n"
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try graphql.write(toFile: out + "/graphql.lines", atomically: true, encoding: .utf8)
        try search.write(toFile: out + "/search.lines", atomically: true, encoding: .utf8)
    }
}
