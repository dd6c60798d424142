/// Where a directive may appear, as `__DirectiveLocation` names it.
public enum DirectiveLocation: String, Sendable, CaseIterable {
    case query = "QUERY", mutation = "MUTATION", subscription = "SUBSCRIPTION", field = "FIELD"
    case fragmentDefinition = "FRAGMENT_DEFINITION", fragmentSpread = "FRAGMENT_SPREAD"
    case inlineFragment = "INLINE_FRAGMENT", variableDefinition = "VARIABLE_DEFINITION"
    case schema = "SCHEMA", scalar = "SCALAR", object = "OBJECT", fieldDefinition = "FIELD_DEFINITION"
    case argumentDefinition = "ARGUMENT_DEFINITION", interface = "INTERFACE", union = "UNION"
    case enumeration = "ENUM", enumValue = "ENUM_VALUE", inputObject = "INPUT_OBJECT"
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"

    public var locationDescription: String {
        switch self {
        case .query: return "Location adjacent to a query operation."
        case .mutation: return "Location adjacent to a mutation operation."
        case .subscription: return "Location adjacent to a subscription operation."
        case .field: return "Location adjacent to a field."
        case .fragmentDefinition: return "Location adjacent to a fragment definition."
        case .fragmentSpread: return "Location adjacent to a fragment spread."
        case .inlineFragment: return "Location adjacent to an inline fragment."
        case .variableDefinition: return "Location adjacent to a variable definition."
        case .schema: return "Location adjacent to a schema definition."
        case .scalar: return "Location adjacent to a scalar definition."
        case .object: return "Location adjacent to an object type definition."
        case .fieldDefinition: return "Location adjacent to a field definition."
        case .argumentDefinition: return "Location adjacent to an argument definition."
        case .interface: return "Location adjacent to an interface definition."
        case .union: return "Location adjacent to a union definition."
        case .enumeration: return "Location adjacent to an enum definition."
        case .enumValue: return "Location adjacent to an enum value definition."
        case .inputObject: return "Location adjacent to an input object type definition."
        case .inputFieldDefinition: return "Location adjacent to an input object field definition."
        }
    }
}

/// A directive definition.
public final class GraphQLDirective: @unchecked Sendable {  // set up while building, then read-only (Definition.swift)
    public let name: String
    public var description: String?
    public var locations: [DirectiveLocation]
    public var args: [GraphQLArgument]
    public var isRepeatable: Bool

    public init(name: String, description: String? = nil, locations: [DirectiveLocation], args: [GraphQLArgument] = [], isRepeatable: Bool = false) {
        self.name = name
        self.description = description
        self.locations = locations
        self.args = args
        self.isRepeatable = isRepeatable
    }

    public var isSpecified: Bool { specifiedDirectives.contains { $0.name == name } }
}

public let defaultDeprecationReason = "No longer supported"

public let GraphQLIncludeDirective = GraphQLDirective(
    name: "include",
    description: "Directs the executor to include this field or fragment only when the `if` argument is true.",
    locations: [.field, .fragmentSpread, .inlineFragment],
    args: [GraphQLArgument(name: "if", type: .nonNull(.named(.scalar(GraphQLBoolean))), description: "Included when true.")]
)

public let GraphQLSkipDirective = GraphQLDirective(
    name: "skip",
    description: "Directs the executor to skip this field or fragment when the `if` argument is true.",
    locations: [.field, .fragmentSpread, .inlineFragment],
    args: [GraphQLArgument(name: "if", type: .nonNull(.named(.scalar(GraphQLBoolean))), description: "Skipped when true.")]
)

public let GraphQLDeprecatedDirective = GraphQLDirective(
    name: "deprecated",
    description: "Marks an element of a GraphQL schema as no longer supported.",
    locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
    args: [GraphQLArgument(
        name: "reason", type: .named(.scalar(GraphQLString)),
        description: "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
        defaultValue: .string(defaultDeprecationReason))]
)

public let GraphQLSpecifiedByDirective = GraphQLDirective(
    name: "specifiedBy",
    description: "Exposes a URL that specifies the behavior of this scalar.",
    locations: [.scalar],
    args: [GraphQLArgument(name: "url", type: .nonNull(.named(.scalar(GraphQLString))), description: "The URL that specifies the behavior of this scalar.")]
)

public let GraphQLOneOfDirective = GraphQLDirective(
    name: "oneOf",
    description: "Indicates an Input Object is a OneOf Input Object.",
    locations: [.inputObject]
)

/// The directives every schema has, in graphql-js's order.
public let specifiedDirectives: [GraphQLDirective] = [
    GraphQLIncludeDirective, GraphQLSkipDirective, GraphQLDeprecatedDirective, GraphQLSpecifiedByDirective,
    GraphQLOneOfDirective,
]
