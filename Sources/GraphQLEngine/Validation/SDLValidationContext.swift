/// What SDL rules share during one validation: the document, the schema it extends (if any) and the errors so far
/// (graphql-js's `SDLValidationContext`).
public final class SDLValidationContext: ASTValidationContext {
    public let document: DocumentNode
    /// The schema the document extends; nil when the document defines a schema on its own.
    public let schema: GraphQLSchema?
    public private(set) var errors: [GraphQLError] = []

    public init(document: DocumentNode, schema: GraphQLSchema?) {
        self.document = document
        self.schema = schema
    }

    public var existingSchema: GraphQLSchema? { schema }

    public func report(_ error: GraphQLError) { errors.append(error) }
}

/// An SDL validation rule: given the context, the visitor callbacks for the node kinds it checks.
public typealias SDLValidationRule = @Sendable (SDLValidationContext) -> Visitor
