import JSON
import Synchronization

/// Executes an operation of a parsed (and validated) document, as graphql-js's `execute`.
///
/// Query fields whose resolvers are `.async` run concurrently with their siblings; `.sync` resolvers run inline
/// with no task. Mutation root fields run one after another.
///
/// ```swift
/// let result = await execute(schema: schema, document: try parse(Source("{ items { id } }")), rootValue: root)
/// print(result.jsonString())
/// ```
public func execute(
    schema: GraphQLSchema,
    document: DocumentNode,
    rootValue: any Sendable = JSONValue.null,
    contextValue: any Sendable = JSONValue.null,
    variableValues: JSONObject? = nil,
    operationName: String? = nil,
    plans: FieldPlanCache? = nil
) async -> ExecutionResult {
    let context: ExecutionContext
    switch buildExecutionContext(schema: schema, document: document, rootValue: rootValue, contextValue: contextValue,
                                 variableValues: variableValues, operationName: operationName, plans: plans) {
    case .ready(let ready): context = ready
    case .failed(let errors): return ExecutionResult(data: nil, errors: errors)
    }
    let data = await context.executeOperation()
    return ExecutionResult(data: data, errors: context.collectedErrors)
}

/// What an execution starts from, or the request errors that keep it from starting.
enum ExecutionStart {
    case ready(ExecutionContext)
    case failed([GraphQLError])
}

/// graphql-js's `buildExecutionContext`, shared by `execute` and `createSourceEventStream`: the schema valid, the
/// operation picked, the fragments by name, the variables coerced.
func buildExecutionContext(
    schema: GraphQLSchema, document: DocumentNode, rootValue: any Sendable, contextValue: any Sendable,
    variableValues: JSONObject?, operationName: String?, plans: FieldPlanCache?
) -> ExecutionStart {
    let schemaErrors = schema.validationErrors
    if !schemaErrors.isEmpty { return .failed(schemaErrors) }
    let operation: OperationDefinitionNode
    switch getOperationAST(document, operationName: operationName) {
    case .success(let picked): operation = picked
    case .failure(let error): return .failed([GraphQLError(error.message)])
    }
    var fragments: [String: FragmentDefinitionNode] = [:]
    for case .fragment(let fragment) in document.definitions { fragments[fragment.name.value] = fragment }
    let variables: JSONObject
    switch getVariableValues(schema: schema, definitions: operation.variableDefinitions, inputs: variableValues ?? JSONObject()) {
    case .success(let v): variables = v
    case .failure(let errors): return .failed(errors)
    }
    return .ready(ExecutionContext(
        schema: schema, fragments: fragments, rootValue: rootValue, operation: operation,
        variableValues: variables, contextValue: contextValue,
        sharedPlans: plans.flatMap { $0.isShareable(for: schema) ? $0 : nil }))
}

/// Everything one execution shares: schema, fragments, variables, and the errors collected so far.
final class ExecutionContext: Sendable {
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinitionNode]
    let rootValue: any Sendable
    let operation: OperationDefinitionNode
    let variableValues: JSONObject
    let contextValue: any Sendable

    /// What concurrent fields write: the errors so far, and this execution's own plans (when not shared).
    private let state = Mutex(State())
    /// Plans shared with other executions of the same document (nil: this execution's own, in `state`).
    private let sharedPlans: FieldPlanCache?

    private struct State {
        var errors: [GraphQLError] = []
        var plans: [FieldPlanKey: FieldPlan] = [:]
    }

    init(schema: GraphQLSchema, fragments: [String: FragmentDefinitionNode], rootValue: any Sendable,
         operation: OperationDefinitionNode, variableValues: JSONObject, contextValue: any Sendable,
         sharedPlans: FieldPlanCache? = nil) {
        self.sharedPlans = sharedPlans
        self.schema = schema
        self.fragments = fragments
        self.rootValue = rootValue
        self.operation = operation
        self.variableValues = variableValues
        self.contextValue = contextValue
    }

    var collectedErrors: [GraphQLError] { state.withLock { $0.errors } }

    func addError(_ e: GraphQLError) { state.withLock { $0.errors.append(e) } }

    func executeOperation() async -> JSONValue {
        guard let rootType = schema.rootType(for: operation.operation) else {
            addError(GraphQLError("Schema is not configured to execute \(operation.operation.rawValue) operation.", nodes: [operation]))
            return .null
        }
        var fields: [CollectedField] = []
        var index: [String: Int] = [:]
        var visited = Set<String>()
        collectFields(schema: schema, fragments: fragments, variables: variableValues, runtimeType: rootType,
                      selectionSet: operation.selectionSet, into: &fields, index: &index, visited: &visited)
        for i in fields.indices { fields[i].definition = fieldDefinition(rootType, fields[i].nodes[0].name.value) }
        markSynchronousSubtrees(&fields)
        if schema.isAllSynchronous {
            return executeOperationSync(rootType: rootType, fields: fields)
        }
        do {
            let data = try await executeFields(
                parentType: rootType, source: rootValue, path: nil, fields: fields,
                serially: operation.operation == .mutation)
            return .object(data)
        } catch let e as GraphQLError {
            addError(e)
            return .null
        } catch {
            addError(GraphQLError(String(describing: error)))
            return .null
        }
    }

    func fieldDefinition(_ parentType: GraphQLObjectType, _ name: String) -> GraphQLField? {
        if let f = parentType.fields[name] { return f }
        if name.utf8.first == UInt8(ascii: "_") {
            if name == "__typename" { return Introspection.typeNameMetaField }
            if parentType === schema.queryType {
                if name == "__schema" { return Introspection.schemaMetaField }
                if name == "__type" { return Introspection.typeMetaField }
            }
        }
        return nil
    }

    func executeFields(
        parentType: GraphQLObjectType, source: any Sendable, path: ResponsePath?, fields: [CollectedField],
        serially: Bool = false, concurrent: Bool? = nil
    ) async throws -> JSONObject {
        if !serially && fields.count > 1 {
            let runConcurrently = concurrent ?? hasConcurrentAsyncFields(parentType, fields)
            if runConcurrently {
                return try await executeFieldsConcurrently(parentType: parentType, source: source, path: path, fields: fields)
            }
        }
        var out = JSONObject(minimumCapacity: fields.count)
        var syncPath: [PathComponent]?
        for f in fields {
            if f.subtreeIsSynchronous {
                if syncPath == nil { syncPath = path?.components ?? [] }
                if let v = try executeFieldInline(parentType: parentType, source: source, field: f, path: &syncPath!) {
                    out.append(f.responseKey, v)
                }
            } else if let v = try await executeField(parentType: parentType, source: source, field: f, path: path) {
                out.append(f.responseKey, v)
            }
        }
        return out
    }

    /// A field whose selected subtree has no async resolver, completed by the synchronous executor.
    @inline(__always)
    func executeFieldInline(
        parentType: GraphQLObjectType, source: any Sendable, field: CollectedField, path: inout [PathComponent]
    ) throws -> JSONValue? {
        guard let def = field.definition else { return nil }
        path.append(.key(field.responseKey))
        defer { path.removeLast() }
        return try executeFieldSync(parentType: parentType, source: source, field: field, def: def, path: &path)
    }

    /// Whether at least two of the fields have `.async` resolvers (then they run concurrently).
    func hasConcurrentAsyncFields(_ parentType: GraphQLObjectType, _ fields: [CollectedField]) -> Bool {
        var asyncCount = 0
        for f in fields where f.definition?.resolve?.isAsync == true {
            asyncCount += 1
        }
        return asyncCount > 1
    }

    private func executeFieldsConcurrently(
        parentType: GraphQLObjectType, source: any Sendable, path: ResponsePath?, fields: [CollectedField]
    ) async throws -> JSONObject {
        var results = [JSONValue?](repeating: nil, count: fields.count)
        try await withThrowingTaskGroup(of: (Int, JSONValue?).self) { group in
            var inline: [Int] = []
            for (i, f) in fields.enumerated() {
                if f.definition?.resolve?.isAsync == true {
                    group.addTask {
                        (i, try await self.executeField(parentType: parentType, source: source, field: f, path: path))
                    }
                } else {
                    inline.append(i)
                }
            }
            var syncPath: [PathComponent]?
            for i in inline {
                if fields[i].subtreeIsSynchronous {
                    if syncPath == nil { syncPath = path?.components ?? [] }
                    results[i] = try executeFieldInline(parentType: parentType, source: source, field: fields[i], path: &syncPath!)
                } else {
                    results[i] = try await executeField(parentType: parentType, source: source, field: fields[i], path: path)
                }
            }
            for try await (i, v) in group { results[i] = v }
        }
        var out = JSONObject(minimumCapacity: fields.count)
        for (i, f) in fields.enumerated() {
            if let v = results[i] { out.append(f.responseKey, v) }
        }
        return out
    }

    /// Resolves and completes one field; `nil` when the field is not defined on the type (it is then omitted).
    func executeField(
        parentType: GraphQLObjectType, source: any Sendable, field: CollectedField, path: ResponsePath?
    ) async throws -> JSONValue? {
        guard let def = field.definition else { return nil }
        let node = field.nodes[0]
        let name = node.name.value
        let fieldPath = ResponsePath(prev: path, key: .key(field.responseKey), typename: parentType.name)
        let returnType = def.type
        let info = GraphQLResolveInfo(
            fieldName: name, fieldNodes: field.nodes, returnType: returnType, parentType: parentType,
            parentPath: path, responseKey: field.responseKey, context: self)
        do {
            let args: JSONObject
            if def.args.isEmpty {
                args = JSONObject()
            } else {
                args = try getArgumentValues(def.args, node.arguments, node, variableValues)
            }
            let result: (any Sendable)?
            switch def.resolve {
            case .sync(let f)?: result = try f(source, args, contextValue, info)
            case .async(let f)?: result = try await f(source, args, contextValue, info)
            case .plain(let f)?: result = try f(source, args, schema)
            case nil: result = defaultFieldResolve(source, name)
            }
            if field.completionIsSynchronous {
                // An async resolver whose value needs no more awaiting below: completed inline.
                var components = fieldPath.components
                return try completeItemSync(returnType, parentType, def, field.nodes, result, path: &components)
            }
            return try await completeValue(returnType, field.nodes, info, fieldPath, result)
        } catch {
            // Cancelled because a sibling's error nulled the parent: the sibling's error is the answer, this is none.
            if Task.isCancelled { throw error }
            let located = locatedError(error, nodes: field.nodes, path: fieldPath.components)
            if returnType.isNonNull { throw located }
            addError(located)
            return .null
        }
    }

    func completeValue(
        _ returnType: GraphQLType, _ nodes: [FieldNode], _ info: GraphQLResolveInfo, _ path: ResponsePath,
        _ result: (any Sendable)?
    ) async throws -> JSONValue {
        if case .nonNull(let inner) = returnType {
            let completed = try await completeValue(inner, nodes, info, path, result)
            if case .null = completed {
                throw GraphQLError("Cannot return null for non-nullable field \(info.parentType.name).\(info.fieldName).")
            }
            return completed
        }
        guard let result else { return .null }
        if let j = result as? JSONValue, case .null = j { return .null }
        switch returnType {
        case .nonNull: fatalError("unreachable")
        case .list(let itemType):
            return try await completeListValue(itemType, nodes, info, path, result)
        case .named(let named):
            switch named {
            case .scalar(let s): return try completeScalarValue(s, result)
            case .enumeration(let e): return try completeEnumValue(e, result)
            case .object(let o):
                if isNone(result) { return .null }
                return try await completeObjectValue(o, nodes, info, path, result)
            case .interface, .union:
                if isNone(result) { return .null }
                let runtimeType = try await resolveRuntimeType(named, nodes, info, result)
                return try await completeObjectValue(runtimeType, nodes, info, path, result)
            case .inputObject:
                throw GraphQLError("Cannot complete value of unexpected output type: \"\(named.name)\".")
            }
        }
    }

    func completeListValue(
        _ itemType: GraphQLType, _ nodes: [FieldNode], _ info: GraphQLResolveInfo, _ path: ResponsePath,
        _ result: any Sendable
    ) async throws -> JSONValue {
        let items: [any Sendable]
        if let j = result as? JSONValue {
            guard case .array(let l) = j else {
                throw GraphQLError("Expected Iterable, but did not find one for field \"\(info.parentType.name).\(info.fieldName)\".")
            }
            items = l
        } else if let l = result as? [any Sendable] {
            items = l
        } else if let l = result as? any GraphQLListConvertible {
            items = l.graphQLListElements
        } else {
            if isNone(result) { return .null }
            throw GraphQLError("Expected Iterable, but did not find one for field \"\(info.parentType.name).\(info.fieldName)\".")
        }
        var out: [JSONValue] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let itemPath = ResponsePath(prev: path, key: .index(i))
            do {
                out.append(try await completeValue(itemType, nodes, info, itemPath, item))
            } catch {
                if Task.isCancelled { throw error }
                let located = locatedError(error, nodes: nodes, path: itemPath.components)
                if itemType.isNonNull { throw located }
                addError(located)
                out.append(.null)
            }
        }
        return .array(out)
    }

    func completeObjectValue(
        _ type: GraphQLObjectType, _ nodes: [FieldNode], _ info: GraphQLResolveInfo, _ path: ResponsePath,
        _ result: any Sendable
    ) async throws -> JSONValue {
        if let isTypeOf = type.isTypeOf, !isTypeOf(result) {
            throw GraphQLError("Expected value of type \"\(type.name)\" but got: \(inspect(result)).", nodes: nodes)
        }
        let plan = subfields(type, nodes)
        return .object(try await executeFields(
            parentType: type, source: result, path: path, fields: plan.fields, concurrent: plan.concurrent))
    }

    func subfields(_ type: GraphQLObjectType, _ nodes: [FieldNode]) -> FieldPlan {
        var key: FieldPlanKey?
        if let first = nodes[0].loc, let last = nodes[nodes.count - 1].loc {
            key = FieldPlanKey(type: ObjectIdentifier(type), start: first.start, end: last.start, count: nodes.count)
            if let sharedPlans {
                if let cached = sharedPlans.plan(key!) { return cached }
            } else if let cached = state.withLock({ $0.plans[key!] }) {
                return cached
            }
        }
        var fields: [CollectedField] = []
        var index: [String: Int] = [:]
        var visited = Set<String>()
        for node in nodes {
            if let sel = node.selectionSet {
                collectFields(schema: schema, fragments: fragments, variables: variableValues, runtimeType: type,
                              selectionSet: sel, into: &fields, index: &index, visited: &visited)
            }
        }
        for i in fields.indices { fields[i].definition = fieldDefinition(type, fields[i].nodes[0].name.value) }
        markSynchronousSubtrees(&fields)
        let plan = FieldPlan(fields: fields, concurrent: hasConcurrentAsyncFields(type, fields),
                             synchronous: fields.allSatisfy { $0.subtreeIsSynchronous || $0.definition == nil })
        if let key {
            if let sharedPlans {
                sharedPlans.store(plan, for: key)
            } else {
                state.withLock { $0.plans[key] = plan }
            }
        }
        return plan
    }

    /// Marks the fields whose selected subtree resolves without suspending: no `.async` resolver and no custom
    /// `resolveType` anywhere below (the plans of the object types below are made, and cached, on the way).
    func markSynchronousSubtrees(_ fields: inout [CollectedField]) {
        for i in fields.indices {
            guard let def = fields[i].definition else { continue }
            fields[i].completionIsSynchronous = subtreeIsSynchronous(def.type, fields[i].nodes)
            fields[i].subtreeIsSynchronous = fields[i].completionIsSynchronous && !(def.resolve?.isAsync ?? false)
        }
    }

    private func subtreeIsSynchronous(_ type: GraphQLType, _ nodes: [FieldNode]) -> Bool {
        switch type {
        case .nonNull(let inner), .list(let inner): return subtreeIsSynchronous(inner, nodes)
        case .named(let named):
            switch named {
            case .scalar, .enumeration: return true
            case .object(let o): return subfields(o, nodes).synchronous
            case .interface(let i):
                return i.resolveType == nil && schema.possibleTypes(of: named).allSatisfy { subfields($0, nodes).synchronous }
            case .union(let u):
                return u.resolveType == nil && schema.possibleTypes(of: named).allSatisfy { subfields($0, nodes).synchronous }
            case .inputObject: return false
            }
        }
    }
}

/// A collection the executor can complete as a GraphQL list (arrays conform).
public protocol GraphQLListConvertible: Sendable {
    var graphQLListElements: [any Sendable] { get }
}
