import JSON

/// A subscription root field's source of events: given the field's arguments, a stream whose every element becomes
/// the root value of one execution of the subscription's selection (the spec's ResolveFieldEventStream).
public typealias GraphQLSubscribeFunction = @Sendable (
    _ source: any Sendable, _ args: JSONObject, _ context: any Sendable, _ info: GraphQLResolveInfo
) async throws -> AsyncThrowingStream<any Sendable, any Error>

/// What starting a subscription gives: its events, or the request errors that kept it from starting.
public enum SubscriptionStart<Events: Sendable>: Sendable {
    case events(Events)
    case errors([GraphQLError])
}

/// The spec's CreateSourceEventStream: the event stream of a subscription operation's one root field, or the
/// request errors that keep it from starting (no such operation, not a subscription, variables or arguments that do
/// not coerce, a field without an event source, or one whose source threw).
///
/// ```swift
/// switch await createSourceEventStream(schema: schema, document: document, contextValue: context) {
/// case .events(let events): for try await event in events { print(await executeSubscriptionEvent(..., event: event)) }
/// case .errors(let errors): print(errors)
/// }
/// ```
public func createSourceEventStream(
    schema: GraphQLSchema,
    document: DocumentNode,
    rootValue: any Sendable = JSONValue.null,
    contextValue: any Sendable = JSONValue.null,
    variableValues: JSONObject? = nil,
    operationName: String? = nil
) async -> SubscriptionStart<AsyncThrowingStream<any Sendable, any Error>> {
    func failure(_ errors: [GraphQLError]) -> SubscriptionStart<AsyncThrowingStream<any Sendable, any Error>> { .errors(errors) }
    let context: ExecutionContext
    switch buildExecutionContext(schema: schema, document: document, rootValue: rootValue, contextValue: contextValue,
                                 variableValues: variableValues, operationName: operationName, plans: nil) {
    case .ready(let ready): context = ready
    case .failed(let errors): return failure(errors)
    }
    let (operation, fragments, variables) = (context.operation, context.fragments, context.variableValues)
    guard operation.operation == .subscription else {
        return failure([GraphQLError("The operation is a \(operation.operation.rawValue), not a subscription.", nodes: [operation])])
    }
    guard let rootType = schema.subscriptionType else {
        return failure([GraphQLError("Schema is not configured to execute subscription operation.", nodes: [operation])])
    }
    var fields: [CollectedField] = []
    var index: [String: Int] = [:]
    var visited = Set<String>()
    collectFields(schema: schema, fragments: fragments, variables: variables, runtimeType: rootType,
                  selectionSet: operation.selectionSet, into: &fields, index: &index, visited: &visited)
    // Validation allows one root field; a document that skipped validation is held to the first.
    guard let field = fields.first else { return failure([GraphQLError("The subscription selects no field.", nodes: [operation])]) }
    let node = field.nodes[0]
    let path = [PathComponent.key(field.responseKey)]
    guard let definition = rootType.fields[node.name.value] else {
        return failure([GraphQLError("The subscription field \"\(node.name.value)\" is not defined.", nodes: [node], path: path)])
    }
    guard let subscribe = definition.subscribe else {
        return failure([GraphQLError("Subscription field \"\(definition.name)\" has no event source.", nodes: [node], path: path)])
    }
    let info = GraphQLResolveInfo(fieldName: definition.name, fieldNodes: field.nodes, returnType: definition.type, parentType: rootType,
                                  parentPath: nil, responseKey: field.responseKey, context: context)
    do {
        let args = try getArgumentValues(definition.args, node.arguments, node, variables)
        return .events(try await subscribe(rootValue, args, contextValue, info))
    } catch {
        return failure([locatedError(error, nodes: field.nodes, path: path)])
    }
}

/// The spec's ExecuteSubscriptionEvent (one step of MapSourceToResponseEvent): the subscription's selection executed
/// with `event` as the root value, so the root field's resolver reads the event. With the document and `plans` of
/// the operation, one call per event serves every subscriber of the same document and variables.
public func executeSubscriptionEvent(
    schema: GraphQLSchema,
    document: DocumentNode,
    event: any Sendable,
    contextValue: any Sendable = JSONValue.null,
    variableValues: JSONObject? = nil,
    operationName: String? = nil,
    plans: FieldPlanCache? = nil
) async -> ExecutionResult {
    await execute(schema: schema, document: document, rootValue: event, contextValue: contextValue,
                  variableValues: variableValues, operationName: operationName, plans: plans)
}

/// The spec's Subscribe: the source event stream mapped to responses, one `ExecutionResult` per event; an error the
/// source throws ends the stream with a last result carrying it.
public func subscribe(
    schema: GraphQLSchema,
    document: DocumentNode,
    rootValue: any Sendable = JSONValue.null,
    contextValue: any Sendable = JSONValue.null,
    variableValues: JSONObject? = nil,
    operationName: String? = nil
) async -> SubscriptionStart<AsyncStream<ExecutionResult>> {
    let source = await createSourceEventStream(schema: schema, document: document, rootValue: rootValue, contextValue: contextValue,
                                               variableValues: variableValues, operationName: operationName)
    let events: AsyncThrowingStream<any Sendable, any Error>
    switch source {
    case .events(let stream): events = stream
    case .errors(let errors): return .errors(errors)
    }
    let (responses, continuation) = AsyncStream<ExecutionResult>.makeStream()
    let task = Task {
        do {
            for try await event in events {
                continuation.yield(await executeSubscriptionEvent(
                    schema: schema, document: document, event: event, contextValue: contextValue,
                    variableValues: variableValues, operationName: operationName))
            }
        } catch {
            continuation.yield(ExecutionResult(data: nil, errors: [locatedError(error, nodes: [], path: nil)]))
        }
        continuation.finish()
    }
    continuation.onTermination = { _ in task.cancel() }
    return .events(responses)
}
