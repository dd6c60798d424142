import JSON

// The type-system classes are `@unchecked Sendable` and lock-free: they are filled in while a schema is built
// (types refer to each other, and applications set resolvers after `buildSchema`), then only read, on every field.

/// Any GraphQL type: a named type, or a list or non-null wrapper around one.
///
/// ```swift
/// let t: GraphQLType = .nonNull(.list(.named(.scalar(GraphQLString))))
/// print(t) // [String]!
/// ```
public indirect enum GraphQLType: Sendable, CustomStringConvertible {
    case named(GraphQLNamedType)
    case list(GraphQLType)
    case nonNull(GraphQLType)

    public var description: String {
        switch self {
        case .named(let n): return n.name
        case .list(let t): return "[\(t)]"
        case .nonNull(let t): return "\(t)!"
        }
    }

    /// The named type at the bottom of the wrappers.
    public var namedType: GraphQLNamedType {
        switch self {
        case .named(let n): return n
        case .list(let t), .nonNull(let t): return t.namedType
        }
    }

    /// The type without its outer non-null wrapper.
    public var nullableType: GraphQLType {
        if case .nonNull(let t) = self { return t }
        return self
    }

    public var isNonNull: Bool { if case .nonNull = self { return true } else { return false } }
    public var isList: Bool { if case .list = self { return true } else { return false } }

    public var isInputType: Bool { namedType.isInputType }
    public var isOutputType: Bool { namedType.isOutputType }

    /// Whether `a` and `b` are the same type (by name and wrapping).
    public static func same(_ a: GraphQLType, _ b: GraphQLType) -> Bool {
        switch (a, b) {
        case (.named(let x), .named(let y)): return x.name == y.name
        case (.list(let x), .list(let y)), (.nonNull(let x), .nonNull(let y)): return same(x, y)
        default: return false
        }
    }
}

/// The kind of a named type, as introspection's `__TypeKind` names it.
public enum GraphQLTypeKind: String, Sendable {
    case scalar = "SCALAR", object = "OBJECT", interface = "INTERFACE", union = "UNION"
    case enumeration = "ENUM", inputObject = "INPUT_OBJECT", list = "LIST", nonNull = "NON_NULL"
}

/// A named type of the schema.
public enum GraphQLNamedType: Sendable, CustomStringConvertible {
    case scalar(GraphQLScalarType)
    case object(GraphQLObjectType)
    case interface(GraphQLInterfaceType)
    case union(GraphQLUnionType)
    case enumeration(GraphQLEnumType)
    case inputObject(GraphQLInputObjectType)

    public var name: String {
        switch self {
        case .scalar(let t): return t.name
        case .object(let t): return t.name
        case .interface(let t): return t.name
        case .union(let t): return t.name
        case .enumeration(let t): return t.name
        case .inputObject(let t): return t.name
        }
    }

    public var description: String { name }

    /// The SDL nodes the type was built from (definition first, then extensions).
    public var astNodes: [DefinitionNode] {
        switch self {
        case .scalar(let t): return t.astNodes
        case .object(let t): return t.astNodes
        case .interface(let t): return t.astNodes
        case .union(let t): return t.astNodes
        case .enumeration(let t): return t.astNodes
        case .inputObject(let t): return t.astNodes
        }
    }

    public var typeDescription: String? {
        switch self {
        case .scalar(let t): return t.description
        case .object(let t): return t.description
        case .interface(let t): return t.description
        case .union(let t): return t.description
        case .enumeration(let t): return t.description
        case .inputObject(let t): return t.description
        }
    }

    public var kind: GraphQLTypeKind {
        switch self {
        case .scalar: return .scalar
        case .object: return .object
        case .interface: return .interface
        case .union: return .union
        case .enumeration: return .enumeration
        case .inputObject: return .inputObject
        }
    }

    public var isInputType: Bool {
        switch self {
        case .scalar, .enumeration, .inputObject: return true
        default: return false
        }
    }

    public var isOutputType: Bool {
        if case .inputObject = self { return false }
        return true
    }

    public var isLeafType: Bool {
        switch self {
        case .scalar, .enumeration: return true
        default: return false
        }
    }

    public var isAbstractType: Bool {
        switch self {
        case .interface, .union: return true
        default: return false
        }
    }

    public var isCompositeType: Bool {
        switch self {
        case .object, .interface, .union: return true
        default: return false
        }
    }

    /// Fields of an object or interface type.
    public var fields: GraphQLFieldMap? {
        switch self {
        case .object(let t): return t.fields
        case .interface(let t): return t.fields
        default: return nil
        }
    }

    public var asType: GraphQLType { .named(self) }

    public var objectType: GraphQLObjectType? { if case .object(let t) = self { return t } else { return nil } }
    public var interfaceType: GraphQLInterfaceType? { if case .interface(let t) = self { return t } else { return nil } }
    public var unionType: GraphQLUnionType? { if case .union(let t) = self { return t } else { return nil } }
    public var enumType: GraphQLEnumType? { if case .enumeration(let t) = self { return t } else { return nil } }
    public var inputObjectType: GraphQLInputObjectType? { if case .inputObject(let t) = self { return t } else { return nil } }
    public var scalarType: GraphQLScalarType? { if case .scalar(let t) = self { return t } else { return nil } }

    public static func === (a: GraphQLNamedType, b: GraphQLNamedType) -> Bool { a.name == b.name }
}

/// A list of named things that keeps declaration order and finds by name in O(1).
public struct OrderedNamedMap<Value: Sendable>: Sendable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// Up to this many keys, a lookup compares them in order instead of hashing (measured: validation's field lookups).
    private static var linearSearchLimit: Int { 12 }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> Value? {
        get {
            // A type's few fields are found sooner by comparing names than by hashing the one looked for.
            if keys.count <= OrderedNamedMap.linearSearchLimit {
                for i in keys.indices where keys[i] == key { return values[i] }
                return nil
            }
            return index[key].map { values[$0] }
        }
        set {
            if let i = index[key] {
                if let newValue { values[i] = newValue } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    index = [:]
                    for (j, k) in keys.enumerated() { index[k] = j }
                }
            } else if let newValue {
                index[key] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Value]> { values.makeIterator() }
}

public typealias GraphQLFieldMap = OrderedNamedMap<GraphQLField>
public typealias GraphQLInputFieldMap = OrderedNamedMap<GraphQLInputField>

/// A field of an object or interface type.
public final class GraphQLField: @unchecked Sendable {
    public let name: String
    public var description: String?
    public var type: GraphQLType
    public var args: [GraphQLArgument]
    public var resolve: GraphQLFieldResolver?
    /// A subscription root field's event source (the spec's ResolveFieldEventStream); nil elsewhere.
    public var subscribe: GraphQLSubscribeFunction?
    public var deprecationReason: String?

    public init(
        name: String, type: GraphQLType, description: String? = nil, args: [GraphQLArgument] = [],
        deprecationReason: String? = nil, resolve: GraphQLFieldResolver? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.args = args
        self.deprecationReason = deprecationReason
        self.resolve = resolve
    }

    public func argument(_ name: String) -> GraphQLArgument? { args.first { $0.name == name } }
}

/// An argument of a field or directive.
public struct GraphQLArgument: Sendable {
    public var name: String
    public var description: String?
    public var type: GraphQLType
    /// The default as an internal (coerced) value; `nil` when there is none.
    public var defaultValue: JSONValue?
    public var deprecationReason: String?

    public init(
        name: String, type: GraphQLType, description: String? = nil, defaultValue: JSONValue? = nil,
        deprecationReason: String? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
    }
}

/// A field of an input object type.
public typealias GraphQLInputField = GraphQLArgument

/// An object type: a set of named fields, possibly implementing interfaces.
public final class GraphQLObjectType: @unchecked Sendable {
    public let name: String
    public var description: String?
    /// The SDL definition and extension nodes this type was built from (locations of schema errors).
    public var astNodes: [DefinitionNode] = []
    public var fields: GraphQLFieldMap
    public var interfaces: [GraphQLInterfaceType]
    /// Decides whether a value belongs to this type when resolving an abstract type.
    public var isTypeOf: (@Sendable (any Sendable) -> Bool)?

    public init(name: String, description: String? = nil, fields: [GraphQLField] = [], interfaces: [GraphQLInterfaceType] = []) {
        self.name = name
        self.description = description
        self.fields = GraphQLFieldMap()
        for f in fields { self.fields[f.name] = f }
        self.interfaces = interfaces
    }
}

/// Resolves the concrete object type name of a value of an abstract type.
public typealias GraphQLTypeResolver = @Sendable (_ value: any Sendable, _ context: any Sendable, _ info: GraphQLResolveInfo) async throws -> String?

/// An interface type.
public final class GraphQLInterfaceType: @unchecked Sendable {
    public let name: String
    public var description: String?
    /// The SDL definition and extension nodes this type was built from (locations of schema errors).
    public var astNodes: [DefinitionNode] = []
    public var fields: GraphQLFieldMap
    public var interfaces: [GraphQLInterfaceType]
    public var resolveType: GraphQLTypeResolver?

    public init(name: String, description: String? = nil, fields: [GraphQLField] = [], interfaces: [GraphQLInterfaceType] = []) {
        self.name = name
        self.description = description
        self.fields = GraphQLFieldMap()
        for f in fields { self.fields[f.name] = f }
        self.interfaces = interfaces
    }
}

/// A union type.
public final class GraphQLUnionType: @unchecked Sendable {
    public let name: String
    public var description: String?
    /// The SDL definition and extension nodes this type was built from (locations of schema errors).
    public var astNodes: [DefinitionNode] = []
    public var types: [GraphQLObjectType]
    public var resolveType: GraphQLTypeResolver?

    public init(name: String, description: String? = nil, types: [GraphQLObjectType] = []) {
        self.name = name
        self.description = description
        self.types = types
    }
}

/// One value of an enum type.
public struct GraphQLEnumValue: Sendable {
    public var name: String
    public var description: String?
    /// The internal value; by default the name as a string.
    public var value: JSONValue
    public var deprecationReason: String?

    public init(name: String, description: String? = nil, value: JSONValue? = nil, deprecationReason: String? = nil) {
        self.name = name
        self.description = description
        self.value = value ?? .string(name)
        self.deprecationReason = deprecationReason
    }
}

/// An enum type.
public final class GraphQLEnumType: @unchecked Sendable {
    public let name: String
    public var description: String?
    /// The SDL definition and extension nodes this type was built from (locations of schema errors).
    public var astNodes: [DefinitionNode] = []
    public var values: [GraphQLEnumValue] {
        didSet { reindex() }
    }
    private var byName: [String: Int] = [:]

    public init(name: String, description: String? = nil, values: [GraphQLEnumValue] = []) {
        self.name = name
        self.description = description
        self.values = values
        reindex()
    }

    private func reindex() {
        byName = [:]
        for (i, v) in values.enumerated() { byName[v.name] = i }
    }

    public func value(named name: String) -> GraphQLEnumValue? { byName[name].map { values[$0] } }

    /// The enum value whose internal value is `value`.
    public func value(for internalValue: JSONValue) -> GraphQLEnumValue? {
        if case .string(let s) = internalValue, let v = value(named: s), v.value == internalValue { return v }
        return values.first { $0.value == internalValue }
    }
}

/// An input object type.
public final class GraphQLInputObjectType: @unchecked Sendable {
    public let name: String
    public var description: String?
    /// The SDL definition and extension nodes this type was built from (locations of schema errors).
    public var astNodes: [DefinitionNode] = []
    public var fields: GraphQLInputFieldMap
    /// `@oneOf`: exactly one field must be given, and it must not be null.
    public var isOneOf: Bool

    public init(name: String, description: String? = nil, fields: [GraphQLInputField] = [], isOneOf: Bool = false) {
        self.name = name
        self.description = description
        self.fields = GraphQLInputFieldMap()
        for f in fields { self.fields[f.name] = f }
        self.isOneOf = isOneOf
    }
}
