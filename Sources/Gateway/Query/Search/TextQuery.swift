import JSON
import ReadModels

/// A shopper's words as search clauses over the token fields the sync computes (`SearchTokens`): every word must be
/// a substring of the item's text (a word inside a compound, a prefix while typing), and the ranking adds fixed
/// weights for where each word was found (each search names its fields and weights), so that whole-word hits in the
/// name come first and hits in the description only come last.
struct TextQuery: Sendable {
    let words: [String]

    /// A query longer than this is refused: each word costs the store several clauses.
    static let longestText = 200, mostWords = 10

    /// Nil when `text` has no letters or digits (then there is nothing to look for); BAD_USER_INPUT naming `field`
    /// when it is too long.
    init?(_ text: String?, field: String) throws {
        guard let text else { return nil }
        guard text.count <= Self.longestText else {
            throw GatewayError.badInput("\(field) must be at most \(Self.longestText) characters.", field: field)
        }
        let words = SearchTokens.distinct(SearchTokens.words(text))
        guard !words.isEmpty else { return nil }
        guard words.count <= Self.mostWords else {
            throw GatewayError.badInput("\(field) must have at most \(Self.mostWords) words.", field: field)
        }
        self.words = words
    }

    /// The `bool` query of a search: `conditions` and, with words, each word's substring terms as filters and the
    /// ranking as `should` clauses.
    static func bool(_ conditions: [JSONValue], text: TextQuery?, substrings: String,
                     ranking: [(field: String, weight: Double)]) -> JSONValue {
        guard let text else { return ["bool": ["filter": .array(conditions)]] }
        let (filter, should) = text.clauses(substrings: substrings, ranking: ranking)
        return ["bool": ["filter": .array(conditions + filter), "should": .array(should)]]
    }

    /// `bool` clauses: each word's substring terms as filters on `substrings`, and the ranking as `should` clauses of
    /// constant scores (a word found in several ways scores each of them).
    func clauses(substrings: String, ranking: [(field: String, weight: Double)]) -> (filter: [JSONValue], should: [JSONValue]) {
        var filter: [JSONValue] = []
        var should: [JSONValue] = []
        for word in words {
            for term in SearchTokens.substringTerms(for: word) {
                filter.append(["term": [substrings: .string(term)]])
            }
            for (field, weight) in ranking {
                should.append(["constant_score": ["filter": ["term": [field: .string(word)]], "boost": .double(weight)]])
            }
        }
        return (filter, should)
    }
}
