/// One step of a response path: an object key or a list index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral
{
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }

    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}

/// A JSON-like value carried in a GraphQL error's `extensions`; objects keep their key order.
public indirect enum ErrorExtensionValue: Sendable, Equatable, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([ErrorExtensionValue])
    case object([ErrorExtensionEntry])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
}

/// A key and value of an ordered `extensions` object.
public struct ErrorExtensionEntry: Sendable, Equatable {
    public var key: String
    public var value: ErrorExtensionValue
    public init(_ key: String, _ value: ErrorExtensionValue) {
        self.key = key
        self.value = value
    }
}

/// An error of parsing, validation or execution, shaped like graphql-js's `GraphQLError`.
///
/// ```swift
/// let error = GraphQLError("Cannot query field \"foo\" on type \"Query\".", nodes: [field],
///                          extensions: [ErrorExtensionEntry("code", "GRAPHQL_VALIDATION_FAILED")])
/// print(error.jsonString)
/// ```
public struct GraphQLError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The message, in graphql-js's wording.
    public var message: String
    /// The 1-based line and column of each place in the document the error refers to.
    public var locations: [SourceLocation]
    /// The response path of the field the error comes from (execution errors only).
    public var path: [PathComponent]?
    /// Additional entries of the error's JSON `extensions`, in order (for example "code").
    public var extensions: [ErrorExtensionEntry]
    /// The source the positions refer to, if any.
    public var source: Source?
    /// UTF-8 byte offsets in `source` of the places the error refers to.
    public var positions: [Int]
    /// The error a resolver or a scalar threw, if this error wraps one.
    public var originalError: (any Error & Sendable)?

    /// An error located at the given AST nodes (their `loc`s give `locations`).
    public init(
        _ message: String,
        nodes: [any Node] = [],
        path: [PathComponent]? = nil,
        extensions: [ErrorExtensionEntry] = [],
        originalError: (any Error & Sendable)? = nil
    ) {
        self.message = message
        self.path = path
        self.extensions = extensions
        self.originalError = originalError
        let locs = nodes.compactMap { $0.loc }
        self.source = nil
        self.positions = locs.map { $0.start }
        self.locations = locs.map { $0.startLocation }
    }

    /// An error located at byte offsets of a source (how syntax errors are made).
    public init(
        _ message: String,
        source: Source?,
        positions: [Int],
        path: [PathComponent]? = nil,
        extensions: [ErrorExtensionEntry] = [],
        originalError: (any Error & Sendable)? = nil
    ) {
        self.message = message
        self.source = source
        self.positions = positions
        self.path = path
        self.extensions = extensions
        self.originalError = originalError
        if let source {
            self.locations = positions.map { source.location(at: $0) }
        } else {
            self.locations = []
        }
    }

    /// An error with explicit locations and no source.
    public init(
        _ message: String,
        locations: [SourceLocation],
        path: [PathComponent]? = nil,
        extensions: [ErrorExtensionEntry] = [],
        originalError: (any Error & Sendable)? = nil
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
        self.originalError = originalError
        self.source = nil
        self.positions = []
    }

    public var description: String {
        guard let first = locations.first else { return message }
        let name = source?.name ?? "GraphQL request"
        return "\(message)\n\n\(name):\(first.line):\(first.column)"
    }

    /// Equal when message, locations, path and extensions are equal.
    public static func == (lhs: GraphQLError, rhs: GraphQLError) -> Bool {
        lhs.message == rhs.message && lhs.locations == rhs.locations && lhs.path == rhs.path
            && lhs.extensions == rhs.extensions
    }
}
