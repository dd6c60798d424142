/// Prints a string as a GraphQL string literal (graphql-js's `printString`): `"` and `\` escaped,
/// control characters (U+0000–U+001F, U+007F–U+009F) as `\n`, `\t`... or `\u00XX`.
public func printString(_ value: String) -> String {
    var out = [UInt8]()
    out.reserveCapacity(value.utf8.count + 2)
    out.append(0x22)
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    var iterator = value.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
        let v = scalar.value
        switch v {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x08: out.append(0x5C); out.append(0x62)
        case 0x09: out.append(0x5C); out.append(0x74)
        case 0x0A: out.append(0x5C); out.append(0x6E)
        case 0x0C: out.append(0x5C); out.append(0x66)
        case 0x0D: out.append(0x5C); out.append(0x72)
        case 0x00...0x1F, 0x7F...0x9F:
            out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(v >> 4)], hex[Int(v & 0xF)]])
        default:
            out.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
}
