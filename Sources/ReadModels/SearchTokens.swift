import Foundation

/// Text as the search index's keyword tokens, computed here rather than by an analyzer so that Korean search behaves
/// the same on Elasticsearch 8, OpenSearch 2 and the stand-in server (which ignores `operator: and` on n-gram
/// fields and matches phrases on them loosely): the sync stores every substring of every word, the gateway looks a
/// query word up as one exact `term`. A word inside a compound (`커피` in `달빛커피`) and a prefix while typing
/// (`아메리` in `아메리카노`) are both substrings; whole words and prefixes have fields of their own for ranking.
///
/// Words are runs of letters and digits, NFC-normalized (a macOS client may send decomposed Hangul) and lowercased.
public enum SearchTokens {
    /// Substrings up to this many characters are stored; a longer query word must contain all its windows of this size.
    public static let longest = 10

    /// The words of `text`, in order, repeats kept.
    public static func words(_ text: String) -> [String] {
        let normalized = text.precomposedStringWithCanonicalMapping.lowercased()
        var words: [String] = []
        var current = ""
        for character in normalized {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Every substring of every word, up to `longest` characters, each once, sorted (the stored form is stable).
    public static func substrings(of words: [String]) -> [String] {
        var found: Set<String> = []
        for word in words {
            let characters = Array(word)
            for start in characters.indices {
                for end in (start + 1)...min(characters.count, start + longest) {
                    found.insert(String(characters[start..<end]))
                }
            }
        }
        return found.sorted()
    }

    /// Every prefix of every word, up to `longest` characters, each once, sorted.
    public static func prefixes(of words: [String]) -> [String] {
        var found: Set<String> = []
        for word in words {
            var prefix = ""
            for character in word.prefix(longest) {
                prefix.append(character)
                found.insert(prefix)
            }
        }
        return found.sorted()
    }

    /// The words each once, sorted.
    public static func distinct(_ words: [String]) -> [String] { Array(Set(words)).sorted() }

    /// What a query word must match among the stored substrings: itself, or when longer than `longest` windows of
    /// that size covering it end to end (side by side, the last one flush with the end: a 200-character word costs
    /// 20 terms, not 191). All present means the word is there, barring a coincidence of 10-character pieces.
    public static func substringTerms(for word: String) -> [String] {
        let characters = Array(word)
        guard characters.count > longest else { return [word] }
        var starts = Array(stride(from: 0, to: characters.count - longest, by: longest))
        starts.append(characters.count - longest)
        return starts.map { String(characters[$0..<($0 + longest)]) }
    }
}
