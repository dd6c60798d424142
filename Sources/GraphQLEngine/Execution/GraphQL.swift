import JSON

/// Parses, validates and executes a request, as graphql-js's `graphql()`.
///
/// ```swift
/// let result = await graphql(schema: schema, source: "{ items { id name } }", rootValue: root)
/// let bytes = result.jsonBytes()
/// ```
public func graphql(
    schema: GraphQLSchema,
    source: String,
    sourceName: String = "GraphQL request",
    rootValue: any Sendable = JSONValue.null,
    contextValue: any Sendable = JSONValue.null,
    variableValues: JSONObject? = nil,
    operationName: String? = nil
) async -> ExecutionResult {
    let schemaErrors = schema.validationErrors
    if !schemaErrors.isEmpty { return ExecutionResult(data: nil, errors: schemaErrors) }
    let document: DocumentNode
    do {
        document = try parseDocument(source, sourceName: sourceName)
    } catch let e as GraphQLError {
        return ExecutionResult(data: nil, errors: [e])
    } catch {
        return ExecutionResult(data: nil, errors: [GraphQLError(String(describing: error))])
    }
    let validationErrors = validateDocument(schema, document)
    if !validationErrors.isEmpty { return ExecutionResult(data: nil, errors: validationErrors) }
    return await execute(
        schema: schema, document: document, rootValue: rootValue, contextValue: contextValue,
        variableValues: variableValues, operationName: operationName)
}

/// Runs the specified validation rules on a document (see `validate(schema:document:rules:maxErrors:)`).
public func validateDocument(_ schema: GraphQLSchema, _ document: DocumentNode) -> [GraphQLError] {
    validate(schema: schema, document: document)
}
