import JSON

/// A scalar type, with the application's (or the built-in) coercion functions.
///
/// ```swift
/// let dateTime = GraphQLScalarType(
///     name: "DateTime",
///     serialize: { value in .string(String(describing: value)) },
///     parseValue: { json in guard case .string = json else { throw GraphQLError("Not a date", locations: []) }; return json })
/// let schema = try buildSchema(sdl, scalars: [dateTime])
/// ```
public final class GraphQLScalarType: @unchecked Sendable {  // set up while building, then read-only (Definition.swift)
    public typealias Serialize = @Sendable (_ value: any Sendable) throws -> JSONValue
    public typealias ParseValue = @Sendable (_ value: JSONValue) throws -> JSONValue
    public typealias ParseLiteral = @Sendable (_ node: ValueNode, _ variables: JSONObject?) throws -> JSONValue

    public let name: String
    public var description: String?
    public var specifiedByURL: String?
    /// The SDL definition and extension nodes this type was built from.
    public var astNodes: [DefinitionNode] = []
    /// Converts a resolved value to its JSON result.
    public var serialize: Serialize
    /// Coerces a variable's JSON value to the internal input value.
    public var parseValue: ParseValue
    /// Coerces a literal in a document to the internal input value.
    public var parseLiteral: ParseLiteral

    public init(
        name: String,
        description: String? = nil,
        specifiedByURL: String? = nil,
        serialize: Serialize? = nil,
        parseValue: ParseValue? = nil,
        parseLiteral: ParseLiteral? = nil
    ) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.serialize = serialize ?? { value in anyToJSONValue(value) ?? .string(String(describing: value)) }
        let pv = parseValue ?? { $0 }
        self.parseValue = pv
        self.parseLiteral = parseLiteral ?? { node, variables in try pv(valueFromASTUntyped(node, variables)) }
    }

    /// Whether this is one of the five scalars the spec defines.
    public var isSpecified: Bool { specifiedScalarTypeNames.contains(name) }
}
