/// What the rules that check both executable documents and SDL need of their context (graphql-js's
/// `ASTValidationContext`, with the schema `SDLValidationContext` may lack).
public protocol ASTValidationContext: AnyObject {
    /// The document being validated.
    var document: DocumentNode { get }
    /// The schema the document is checked against: always for executable documents; for SDL, the schema it
    /// extends, or nil when the SDL stands alone.
    var existingSchema: GraphQLSchema? { get }
    /// Records an error.
    func report(_ error: GraphQLError)
}

extension ValidationContext: ASTValidationContext {
    public var existingSchema: GraphQLSchema? { schema }
}
