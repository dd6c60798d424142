/// Sorts as V8's (and CPython's) TimSort does for short arrays: the leading run, then binary insertion.
///
/// graphql-js sorts suggested types with a comparator that is not a total order (usage count, then subtyping, then
/// name), so the result depends on the algorithm. Reproducing TimSort's steps gives graphql-js's order exactly
/// for the arrays of up to 64 elements that TimSort sorts this way; longer arrays are only ever name lists here.
func jsSorted<T>(_ items: [T], by isLess: (T, T) -> Bool) -> [T] {
    var a = items
    let n = a.count
    if n < 2 { return a }
    // The leading run: strictly descending (then reversed) or non-descending.
    var runEnd = 1
    if isLess(a[1], a[0]) {
        runEnd = 2
        while runEnd < n && isLess(a[runEnd], a[runEnd - 1]) { runEnd += 1 }
        a[0..<runEnd].reverse()
    } else {
        runEnd = 2
        while runEnd < n && !isLess(a[runEnd], a[runEnd - 1]) { runEnd += 1 }
    }
    // Binary insertion of the rest, placing each pivot after its equals (stable).
    for start in runEnd..<n {
        let pivot = a[start]
        var low = 0, high = start
        while low < high {
            let mid = (low + high) >> 1
            if isLess(pivot, a[mid]) { high = mid } else { low = mid + 1 }
        }
        var k = start
        while k > low { a[k] = a[k - 1]; k -= 1 }
        a[low] = pivot
    }
    return a
}
