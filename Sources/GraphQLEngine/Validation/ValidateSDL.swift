/// Validates a type-system document with the SDL rules (graphql-js's `validateSDL`): every error, in the order the
/// rules find them. With `schemaToExtend` the document is checked as an extension of that schema.
///
/// ```swift
/// let errors = validateSDL(try parse("type Query { a: Nope }"))
/// // [Unknown type "Nope".]
/// ```
public func validateSDL(
    _ document: DocumentNode,
    schemaToExtend: GraphQLSchema? = nil,
    rules: [SDLValidationRule] = specifiedSDLRules
) -> [GraphQLError] {
    let context = SDLValidationContext(document: document, schema: schemaToExtend)
    visit(document, visitInParallel(rules.map { $0(context) }))
    return context.errors
}

/// Throws `SDLValidationError` when the document breaks an SDL rule (graphql-js's `assertValidSDL`, which
/// `buildASTSchema` runs before it builds).
public func assertValidSDL(_ document: DocumentNode) throws {
    let errors = validateSDL(document)
    if !errors.isEmpty { throw SDLValidationError(errors: errors) }
}

/// The errors that make a type-system document invalid, all of them with their locations.
public struct SDLValidationError: Error, CustomStringConvertible, Sendable {
    public let errors: [GraphQLError]

    /// The messages, separated by blank lines (graphql-js's `assertValidSDL` message).
    public var description: String { errors.map(\.message).joined(separator: "\n\n") }
}
