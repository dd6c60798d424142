/// Names from `options` close to `input`, best first, as graphql-js's `suggestionList`.
public func suggestionList(_ input: String, _ options: [String]) -> [String] {
    var found: [(String, Int)] = []
    let threshold = Int(Double(input.utf16.count) * 0.4) + 1
    let lowerInput = input.lowercased()
    let a = Array(lowerInput.unicodeScalars)
    for option in options {
        let distance: Int
        if input == option {
            distance = 0
        } else {
            let lowerOption = option.lowercased()
            if lowerInput == lowerOption {
                distance = 1
            } else {
                let b = Array(lowerOption.unicodeScalars)
                distance = lexicalDistance(a, b, threshold: threshold) ?? Int.max
            }
        }
        if distance <= threshold { found.append((option, distance)) }
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

private func lexicalDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], threshold: Int) -> Int? {
    if a == b { return 0 }
    var a = a, b = b
    if a.count > b.count { swap(&a, &b) }
    let aLen = a.count, bLen = b.count
    if aLen == 0 { return bLen <= threshold ? bLen : nil }
    if bLen - aLen > threshold { return nil }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: aLen + 1), count: 3)
    for j in 0...aLen { rows[0][j] = j }
    for i in 1...bLen {
        let up = rows[(i - 1) % 3]
        var current = rows[i % 3]
        current[0] = i
        var smallest = i
        for j in 1...aLen {
            let cost = a[j - 1] == b[i - 1] ? 0 : 1
            var c = min(up[j] + 1, current[j - 1] + 1, up[j - 1] + cost)
            if i > 1 && j > 1 && a[j - 1] == b[i - 2] && a[j - 2] == b[i - 1] {
                let dbl = rows[(i - 2) % 3][j - 2]
                c = min(c, dbl + 1)
            }
            if c < smallest { smallest = c }
            current[j] = c
        }
        rows[i % 3] = current
        if smallest > threshold { return nil }
    }
    let d = rows[bLen % 3][aLen]
    return d <= threshold ? d : nil
}

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
