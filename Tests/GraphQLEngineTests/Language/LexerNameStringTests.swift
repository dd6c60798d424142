@testable import GraphQLEngine
import Testing

/// Names and numbers become Strings packed by hand when short (`makeASCIIString`); they must be the strings the
/// standard library makes, whatever their length and wherever they lie in the source (near its end the bytes are
/// read one by one).
@Suite("Lexer name strings")
struct LexerNameStringTests {
    @Test func theSmallStringLayoutIsTheStandardLibrarysHere() {
        #if _pointerBitWidth(_64) && _endian(little)
            #expect(smallASCIIStringLayoutHolds)
        #endif
    }

    @Test func packedStringsEqualDecodedOnesAtEveryLengthAndOffset() {
        let text = Array("abcdefghijklmnopqrstuvwxyz_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        text.withUnsafeBufferPointer { bytes in
            for start in 0..<bytes.count {
                for end in start...min(bytes.count, start + 20) {
                    let expected = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    for packSmall in [true, false] {
                        let made = makeASCIIString(bytes, start, end, packSmall: packSmall)
                        #expect(made == expected)
                        #expect(made.hashValue == expected.hashValue)
                        #expect(Array(made.utf8) == Array(expected.utf8))
                        #expect(made.count == expected.count)
                    }
                }
            }
        }
    }

    @Test func namesParseToTheirText() throws {
        let names = ["a", "id", "__typename", "abcdefgh", "abcdefghijklmno", "abcdefghijklmnop", "x1_Y2"]
        for name in names {
            let document = try parse("{ \(name) }")
            guard case .operation(let operation) = document.definitions.first,
                case .field(let field) = operation.selectionSet.selections.first
            else {
                Issue.record("no field in { \(name) }")
                continue
            }
            #expect(field.name.value == name)
            #expect(field.name.value + "!" == name + "!")  // appending works on the packed representation
        }
    }
}
