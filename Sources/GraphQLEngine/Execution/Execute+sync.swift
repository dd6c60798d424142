import JSON

// The executor's synchronous twin: used for the whole operation when every resolver of the schema is synchronous
// (in-memory data, introspection), and by the async executor for any field whose selected subtree has no async
// resolver, so that those fields pay for no async call. Same semantics as the async path in Execute.swift.

extension ExecutionContext {
    func executeOperationSync(rootType: GraphQLObjectType, fields: [CollectedField]) -> JSONValue {
        var path: [PathComponent] = []
        do {
            return .object(try executeFieldsSync(parentType: rootType, source: rootValue, fields: fields, path: &path))
        } catch let e as GraphQLError {
            addError(e)
            return .null
        } catch {
            addError(GraphQLError(String(describing: error)))
            return .null
        }
    }

    /// The response path of the synchronous walk is `path` (pushed and popped, depth first): no path objects are
    /// allocated unless a resolver asks for its `info.path` or an error needs it.
    func executeFieldsSync(
        parentType: GraphQLObjectType, source: any Sendable, fields: [CollectedField], path: inout [PathComponent]
    ) throws -> JSONObject {
        var out = JSONObject(minimumCapacity: fields.count)
        // Plain JSON objects (the common in-memory case) are read without existential casts per field.
        var jsonSource: JSONObject?
        if type(of: source) == JSONValue.self, case .object(let o) = source as! JSONValue { jsonSource = o }
        for f in fields {
            guard let def = f.definition, let returnType = f.returnType else { continue }
            if f.resolve == nil, let o = jsonSource,
               let fast = completeJSONLeaf(returnType, o[f.nodes[0].name.value] ?? .null) {
                out.append(f.responseKey, fast)
                continue
            }
            path.append(.key(f.responseKey))
            defer { path.removeLast() }
            out.append(f.responseKey, try executeFieldSync(parentType: parentType, source: source, field: f, def: def, path: &path))
        }
        return out
    }

    /// A JSON value for a leaf type that needs no conversion and raises no error, or `nil` (take the general path).
    @inline(__always)
    func completeJSONLeaf(_ type: GraphQLType, _ value: JSONValue) -> JSONValue? {
        var t = type
        var nonNull = false
        if case .nonNull(let inner) = t { t = inner; nonNull = true }
        guard case .named(let named) = t else { return nil }
        if case .null = value { return nonNull ? nil : .null }
        switch named {
        case .scalar(let s): return fastSerialize(s, value)
        case .enumeration(let e):
            if case .string(let name) = value, let v = e.value(named: name), v.value == value { return value }
            return nil
        default: return nil
        }
    }

    @inline(__always)
    func executeFieldSync(
        parentType: GraphQLObjectType, source: any Sendable, field: CollectedField, def: GraphQLField,
        path: inout [PathComponent]
    ) throws -> JSONValue {
        let returnType = field.returnType!
        do {
            let result: (any Sendable)?
            switch field.resolve {
            case .plain(let f)?:
                let args = !field.hasArgs
                    ? JSONObject() : try getArgumentValues(def.args, field.nodes[0].arguments, field.nodes[0], variableValues)
                result = try f(source, args, schema)
            case .sync(let f)?:
                let args = !field.hasArgs
                    ? JSONObject() : try getArgumentValues(def.args, field.nodes[0].arguments, field.nodes[0], variableValues)
                let info = GraphQLResolveInfo(
                    fieldName: field.nodes[0].name.value, fieldNodes: field.nodes, returnType: returnType,
                    parentType: parentType, parentPath: responsePath(path.dropLast()),
                    responseKey: field.responseKey, context: self)
                result = try f(source, args, contextValue, info)
            case .async?:
                preconditionFailure("synchronous execution met an async resolver")
            case nil:
                result = defaultFieldResolve(source, field.nodes[0].name.value)
            }
            return try completeItemSync(returnType, parentType, def, field.nodes, result, path: &path)
        } catch {
            let located = locatedError(error, nodes: field.nodes, path: path)
            if returnType.isNonNull { throw located }
            addError(located)
            return .null
        }
    }

    func responsePath(_ components: ArraySlice<PathComponent>) -> ResponsePath? {
        var p: ResponsePath?
        for c in components { p = ResponsePath(prev: p, key: c) }
        return p
    }

    /// Completes a value below an existing path (list items, objects).
    func completeItemSync(
        _ returnType: GraphQLType, _ parentType: GraphQLObjectType, _ def: GraphQLField, _ nodes: [FieldNode],
        _ result: (any Sendable)?, path: inout [PathComponent]
    ) throws -> JSONValue {
        if case .nonNull(let inner) = returnType {
            let completed = try completeItemSync(inner, parentType, def, nodes, result, path: &path)
            if case .null = completed {
                throw GraphQLError("Cannot return null for non-nullable field \(parentType.name).\(def.name).")
            }
            return completed
        }
        guard let result else { return .null }
        switch returnType {
        case .named(.scalar(let s)): return try completeScalarValue(s, result)
        case .named(.enumeration(let e)): return try completeEnumValue(e, result)
        default:
            if isJSONNull(result) { return .null }
            return try completeCompositeSync(returnType, parentType, def, nodes, result, path: &path)
        }
    }

    func completeCompositeSync(
        _ returnType: GraphQLType, _ parentType: GraphQLObjectType, _ def: GraphQLField, _ nodes: [FieldNode],
        _ result: any Sendable, path: inout [PathComponent]
    ) throws -> JSONValue {
        switch returnType {
        case .list(let itemType):
            let items: [any Sendable]
            if type(of: result) == [any Sendable].self {
                items = result as! [any Sendable]
            } else if let j = result as? JSONValue {
                guard case .array(let l) = j else {
                    throw GraphQLError("Expected Iterable, but did not find one for field \"\(parentType.name).\(def.name)\".")
                }
                items = l
            } else if let l = result as? [any Sendable] {
                items = l
            } else if let l = result as? any GraphQLListConvertible {
                items = l.graphQLListElements
            } else {
                if isNone(result) { return .null }
                throw GraphQLError("Expected Iterable, but did not find one for field \"\(parentType.name).\(def.name)\".")
            }
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                defer { path.removeLast() }
                do {
                    out.append(try completeItemSync(itemType, parentType, def, nodes, item, path: &path))
                } catch {
                    let located = locatedError(error, nodes: nodes, path: path)
                    if itemType.isNonNull { throw located }
                    addError(located)
                    out.append(.null)
                }
            }
            return .array(out)
        case .named(.object(let o)):
            return try completeObjectSync(o, nodes, result, path: &path)
        case .named(let named) where named.isAbstractType:
            let runtime = try resolveRuntimeTypeSync(named, parentType, def, nodes, result)
            return try completeObjectSync(runtime, nodes, result, path: &path)
        default:
            throw GraphQLError("Cannot complete value of unexpected output type: \"\(returnType)\".")
        }
    }

    func completeObjectSync(
        _ type: GraphQLObjectType, _ nodes: [FieldNode], _ result: any Sendable, path: inout [PathComponent]
    ) throws -> JSONValue {
        if let isTypeOf = type.isTypeOf, !isTypeOf(result) {
            throw GraphQLError("Expected value of type \"\(type.name)\" but got: \(inspect(result)).", nodes: nodes)
        }
        let plan = subfields(type, nodes)
        return .object(try executeFieldsSync(parentType: type, source: result, fields: plan.fields, path: &path))
    }
}
