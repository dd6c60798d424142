/// A set of node kinds, one bit each: a visitor names the kinds it handles so that a traversal running many
/// visitors at once (validation runs every rule together) calls each only where it has work.
public struct KindSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public init(_ kinds: Kind...) {
        var raw: UInt64 = 0
        for kind in kinds { raw |= 1 << UInt64(kind.ordinal) }
        rawValue = raw
    }

    /// Every kind.
    public static let all = KindSet(rawValue: (1 << UInt64(Kind.count)) - 1)

    @inline(__always) public func contains(_ kind: Kind) -> Bool { rawValue & (1 << UInt64(kind.ordinal)) != 0 }

    /// Calls `body` with the ordinal of each kind in the set, in increasing order (no array built).
    @inline(__always) func forEachOrdinal(_ body: (Int) -> Void) {
        var bits = rawValue & KindSet.all.rawValue
        while bits != 0 {
            body(bits.trailingZeroBitCount)
            bits &= bits - 1
        }
    }
}

extension Kind {
    /// How many kinds there are (`allCases.count`, without building the array).
    static let count = Kind.allCases.count

    /// The kind's position among all kinds (0 ..< Kind.allCases.count), for tables indexed by kind.
    @inline(__always) public var ordinal: Int {
        switch self {
        case .name: return 0
        case .document: return 1
        case .operationDefinition: return 2
        case .variableDefinition: return 3
        case .variable: return 4
        case .selectionSet: return 5
        case .field: return 6
        case .argument: return 7
        case .fragmentSpread: return 8
        case .inlineFragment: return 9
        case .fragmentDefinition: return 10
        case .intValue: return 11
        case .floatValue: return 12
        case .stringValue: return 13
        case .booleanValue: return 14
        case .nullValue: return 15
        case .enumValue: return 16
        case .listValue: return 17
        case .objectValue: return 18
        case .objectField: return 19
        case .directive: return 20
        case .namedType: return 21
        case .listType: return 22
        case .nonNullType: return 23
        case .schemaDefinition: return 24
        case .operationTypeDefinition: return 25
        case .scalarTypeDefinition: return 26
        case .objectTypeDefinition: return 27
        case .fieldDefinition: return 28
        case .inputValueDefinition: return 29
        case .interfaceTypeDefinition: return 30
        case .unionTypeDefinition: return 31
        case .enumTypeDefinition: return 32
        case .enumValueDefinition: return 33
        case .inputObjectTypeDefinition: return 34
        case .directiveDefinition: return 35
        case .schemaExtension: return 36
        case .scalarTypeExtension: return 37
        case .objectTypeExtension: return 38
        case .interfaceTypeExtension: return 39
        case .unionTypeExtension: return 40
        case .enumTypeExtension: return 41
        case .inputObjectTypeExtension: return 42
        }
    }
}
