import Foundation
import Testing
import ReadModels

/// The search tokens the sync stores and the gateway looks up: both sides must cut text the same way.
@Suite struct SearchTokensTests {
    @Test func wordsAreLettersAndDigitsNormalizedAndLowercased() {
        #expect(SearchTokens.words("달빛커피 Tall-2개, (OTT)!") == ["달빛커피", "tall", "2개", "ott"])
        #expect(SearchTokens.words("  ...  ").isEmpty)
        // A macOS keyboard can send Hangul decomposed into jamo: the same word once normalized.
        let decomposed = "커피".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count == 4, "커 and 피 as two jamo each")
        #expect(SearchTokens.words(decomposed) == ["커피"])
        #expect(SearchTokens.words("커피/차") == ["커피", "차"])
    }

    @Test func substringsStayInsideWordsUpToTheLongest() {
        let tokens = SearchTokens.substrings(of: ["달빛커피", "라떼"])
        #expect(tokens.count == 10 + 3, "4 characters have 10 substrings, 2 have 3")
        #expect(tokens.contains("빛커") && tokens.contains("달빛커피") && tokens.contains("떼"))
        #expect(!tokens.contains("피라"), "no token joins two words")
        let long = String(repeating: "가", count: 3) + "나다라마바사아자차카타"   // 14 characters
        let longTokens = SearchTokens.substrings(of: [long])
        #expect(longTokens.allSatisfy { $0.count <= SearchTokens.longest })
        // A query word longer than the longest token is looked up by windows of that size covering it, all stored.
        let windows = SearchTokens.substringTerms(for: long)
        #expect(windows == [String(Array(long)[0..<10]), String(Array(long)[4..<14])])
        #expect(windows.allSatisfy { longTokens.contains($0) })
        #expect(SearchTokens.substringTerms(for: String(repeating: "가나", count: 100)).count == 20)
        #expect(SearchTokens.substringTerms(for: "아메리") == ["아메리"])
    }

    @Test func prefixesStartEachWord() {
        #expect(SearchTokens.prefixes(of: ["아메리카노", "라떼"]) == ["라", "라떼", "아", "아메", "아메리", "아메리카", "아메리카노"])
        #expect(SearchTokens.distinct(["b", "a", "b"]) == ["a", "b"])
    }
}
