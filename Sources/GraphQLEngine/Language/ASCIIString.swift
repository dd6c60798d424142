// Strings for names and numbers, made without UTF-8 validation.
//
// Most names are at most 15 bytes, which Swift stores inline ("small strings"). `String(decoding:as:)` validates
// the bytes and scans them for non-ASCII first; for the parser's names that was ~10% of a parse. The lexer has
// already checked that these bytes are ASCII, so short ones are packed straight into a small string's two words.

/// A `String` of `bytes[start..<end]`, which must all be ASCII (names and numbers as the lexer reads them).
/// `packSmall` is `smallASCIIStringLayoutHolds`, read once per parse by the caller (each read of a lazy global
/// is a call).
@inline(__always)
func makeASCIIString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, packSmall: Bool) -> String {
    let count = end - start
    if count <= 15 && packSmall {
        if start + 16 <= bytes.count {
            return makeSmallASCIIString(wordsAt: UnsafeRawPointer(bytes.baseAddress! + start), count: count)
        }
        return makeSmallASCIIString(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
}

/// A small string's layout on 64-bit little-endian platforms: the first 8 bytes in the first word, the next 7 in the
/// second, whose top byte is the discriminator 0xE0 (small, ASCII) plus the count; unused bytes are zero.
@inline(__always)
private func smallASCIIString(low: UInt64, high: UInt64, count: Int) -> String {
    // Written into an empty string's storage rather than `unsafeBitCast`, whose result the compiler retains.
    var string = ""
    withUnsafeMutableBytes(of: &string) { storage in
        storage.storeBytes(of: low, as: UInt64.self)
        storage.storeBytes(of: high | (0xE0 | UInt64(truncatingIfNeeded: count)) &<< 56, toByteOffset: 8, as: UInt64.self)
    }
    return string
}

/// The small string of `count` (at most 15) bytes at `pointer`, read as two words: 16 bytes must be readable there.
@inline(__always)
private func makeSmallASCIIString(wordsAt pointer: UnsafeRawPointer, count: Int) -> String {
    let low = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
    let high = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    // Keep `count` bytes: all of `low` and none of `high` at 8, shifting by 64 is avoided with the two masks.
    let lowMask: UInt64 = count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
    let highMask: UInt64 = count <= 8 ? 0 : (1 &<< UInt64(truncatingIfNeeded: (count &- 8) &* 8)) &- 1
    return smallASCIIString(low: low & lowMask, high: high & highMask, count: count)
}

/// The small string of `bytes` (at most 15), byte by byte (near the end of the source).
private func makeSmallASCIIString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var low: UInt64 = 0
    var high: UInt64 = 0
    for (i, byte) in bytes.enumerated() {
        if i < 8 {
            low |= UInt64(byte) &<< UInt64(i &* 8)
        } else {
            high |= UInt64(byte) &<< UInt64((i &- 8) &* 8)
        }
    }
    return smallASCIIString(low: low, high: high, count: bytes.count)
}

/// Whether the packing above gives the same strings as the standard library here (checked once; otherwise every
/// string takes the validating path).
let smallASCIIStringLayoutHolds: Bool = {
    #if _pointerBitWidth(_64) && _endian(little)
        guard MemoryLayout<String>.size == 16 else { return false }
        for sample in ["", "a", "id", "__typename", "abcdefgh", "abcdefghijklmno"] {
            var copy = sample
            let packed = copy.withUTF8 { makeSmallASCIIString($0) }
            let packedBits = unsafeBitCast(packed, to: (UInt64, UInt64).self)
            let sampleBits = unsafeBitCast(sample, to: (UInt64, UInt64).self)
            guard packedBits == sampleBits, Array(packed.utf8) == Array(sample.utf8) else { return false }
        }
        return true
    #else
        return false
    #endif
}()
