import JSON

// The runtime object type of an abstract (interface or union) value, as graphql-js's `resolveType`,
// `defaultTypeResolver` and `ensureValidRuntimeType`: the async and the synchronous executor differ only in
// whether an application `resolveType` may be awaited.

extension ExecutionContext {
    /// The async executor's: the type's own `resolveType` when it has one, else the default.
    func resolveRuntimeType(
        _ abstract: GraphQLNamedType, _ nodes: [FieldNode], _ info: GraphQLResolveInfo, _ result: any Sendable
    ) async throws -> GraphQLObjectType {
        var resolver: GraphQLTypeResolver?
        switch abstract {
        case .interface(let i): resolver = i.resolveType
        case .union(let u): resolver = u.resolveType
        default: break
        }
        let name = if let resolver { try await resolver(result, contextValue, info) } else { defaultTypeResolver(abstract, result) }
        return try ensureValidRuntimeType(abstract, info.parentType.name, info.fieldName, nodes, name)
    }

    /// The synchronous executor's: only runs where no abstract type below has a `resolveType`.
    func resolveRuntimeTypeSync(
        _ abstract: GraphQLNamedType, _ parentType: GraphQLObjectType, _ def: GraphQLField, _ nodes: [FieldNode],
        _ result: any Sendable
    ) throws -> GraphQLObjectType {
        try ensureValidRuntimeType(abstract, parentType.name, def.name, nodes, defaultTypeResolver(abstract, result))
    }

    /// The value's `__typename`, else the first possible type whose `isTypeOf` accepts it.
    func defaultTypeResolver(_ abstract: GraphQLNamedType, _ result: any Sendable) -> String? {
        if case .string(let s)? = anyToJSONValue(defaultFieldResolve(result, "__typename") ?? JSONValue.null) {
            return s
        }
        for t in schema.possibleTypes(of: abstract) {
            if let isTypeOf = t.isTypeOf, isTypeOf(result) { return t.name }
        }
        return nil
    }

    /// The object type named `name`, or graphql-js's error when there is none or it cannot stand for `abstract`.
    func ensureValidRuntimeType(
        _ abstract: GraphQLNamedType, _ parentName: String, _ fieldName: String, _ nodes: [FieldNode], _ name: String?
    ) throws -> GraphQLObjectType {
        guard let name else {
            throw GraphQLError(
                "Abstract type \"\(abstract.name)\" must resolve to an Object type at runtime for field \"\(parentName).\(fieldName)\". Either the \"\(abstract.name)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                nodes: nodes)
        }
        guard let runtime = schema.type(named: name) else {
            throw GraphQLError(
                "Abstract type \"\(abstract.name)\" was resolved to a type \"\(name)\" that does not exist inside the schema.",
                nodes: nodes)
        }
        guard case .object(let obj) = runtime else {
            throw GraphQLError("Abstract type \"\(abstract.name)\" was resolved to a non-object type \"\(name)\".", nodes: nodes)
        }
        if !schema.isSubType(abstract, runtime) {
            throw GraphQLError("Runtime Object type \"\(obj.name)\" is not a possible type for \"\(abstract.name)\".", nodes: nodes)
        }
        return obj
    }
}
