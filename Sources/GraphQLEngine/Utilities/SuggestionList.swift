/// Names from `options` close to `input`, best first, as graphql-js's `suggestionList`.
public func suggestionList(_ input: String, _ options: [String]) -> [String] {
    var found: [(String, Int)] = []
    let threshold = Int(Double(input.utf16.count) * 0.4) + 1
    var measure = LexicalDistance(input)
    for option in options {
        if let distance = measure.distance(to: option, threshold: threshold) { found.append((option, distance)) }
    }
    found.sort { x, y in x.1 != y.1 ? x.1 < y.1 : naturalCompare(x.0, y.0) }
    return found.map(\.0)
}

func naturalCompare(_ a: String, _ b: String) -> Bool {
    // graphql-js's naturalCompare: digit runs compare numerically.
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    var i = 0, j = 0
    while i < x.count && j < y.count {
        let cx = x[i], cy = y[j]
        let dx = cx.properties.numericType != nil && cx.isASCII, dy = cy.properties.numericType != nil && cy.isASCII
        if dx && dy {
            var nx = 0, ny = 0
            repeat { nx = nx &* 10 &+ Int(x[i].value - 48); i += 1 } while i < x.count && x[i].isASCII && x[i].properties.numericType != nil
            repeat { ny = ny &* 10 &+ Int(y[j].value - 48); j += 1 } while j < y.count && y[j].isASCII && y[j].properties.numericType != nil
            if nx != ny { return nx < ny }
        } else {
            if cx != cy { return cx.value < cy.value }
            i += 1
            j += 1
        }
    }
    return x.count - i < y.count - j
}

/// The Damerau-Levenshtein distance (with adjacent transpositions) from one input to many options, case-folded,
/// as graphql-js's `LexicalDistance`. Its buffers are reused from option to option: a hostile document may ask
/// for suggestions among thousands of names thousands of times.
private struct LexicalDistance {
    let input: String
    let lowerInput: [UInt32]
    var lowerOption: [UInt32] = []
    var rows: [Int] = []

    init(_ input: String) {
        self.input = input
        lowerInput = foldedScalars(input)
    }

    /// The distance, or nil when it is above `threshold`.
    mutating func distance(to option: String, threshold: Int) -> Int? {
        if option == input { return 0 }
        // Names are ASCII: fold those in place; anything else the way String lowercases it.
        lowerOption.removeAll(keepingCapacity: true)
        if option.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in option.utf8 { lowerOption.append(UInt32(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)) }
        } else {
            lowerOption = foldedScalars(option)
        }
        if lowerOption == lowerInput { return 1 <= threshold ? 1 : nil }
        let (a, b) = lowerInput.count <= lowerOption.count ? (lowerInput, lowerOption) : (lowerOption, lowerInput)
        let aLen = a.count, bLen = b.count
        if aLen == 0 { return bLen <= threshold ? bLen : nil }
        if bLen - aLen > threshold { return nil }
        // Three rows of aLen + 1 cells, flat: row r starts at r * width.
        let width = aLen + 1
        if rows.count < 3 * width { rows = [Int](repeating: 0, count: 3 * width) }
        for j in 0...aLen { rows[j] = j }
        for i in 1...bLen {
            let up = ((i - 1) % 3) * width, current = (i % 3) * width, twoUp = ((i + 1) % 3) * width
            rows[current] = i
            var smallest = i
            for j in 1...aLen {
                let cost = a[j - 1] == b[i - 1] ? 0 : 1
                var c = min(rows[up + j] + 1, rows[current + j - 1] + 1, rows[up + j - 1] + cost)
                if i > 1 && j > 1 && a[j - 1] == b[i - 2] && a[j - 2] == b[i - 1] {
                    c = min(c, rows[twoUp + j - 2] + 1)
                }
                if c < smallest { smallest = c }
                rows[current + j] = c
            }
            if smallest > threshold { return nil }
        }
        let d = rows[(bLen % 3) * width + aLen]
        return d <= threshold ? d : nil
    }
}

private func foldedScalars(_ text: String) -> [UInt32] { text.lowercased().unicodeScalars.map(\.value) }

/// " Did you mean "a", "b", or "c"?" (at most five), or "" without suggestions.
public func didYouMean(_ suggestions: [String], subMessage: String? = nil) -> String {
    if suggestions.isEmpty { return "" }
    var message = " Did you mean "
    if let subMessage { message += subMessage + " " }
    let quoted = suggestions.prefix(5).map { "\"\($0)\"" }
    switch quoted.count {
    case 1: return message + quoted[0] + "?"
    case 2: return message + quoted[0] + " or " + quoted[1] + "?"
    default:
        return message + quoted.dropLast().joined(separator: ", ") + ", or " + quoted.last! + "?"
    }
}
