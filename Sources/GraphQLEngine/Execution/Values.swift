import JSON

// Coercion of variable values and argument values, as graphql-js's execution/values.

/// Coerces the request's variables against the operation's variable definitions.
/// Returns the coerced values, or the errors. As graphql-js does: at the error past `maxErrors` (50 in execution,
/// wherever it arises, an item deep in a list included) coercion stops, and the errors are the first `maxErrors`
/// and "Too many errors processing variables, error limit reached. Execution aborted.".
public func getVariableValues(
    schema: GraphQLSchema, definitions: [VariableDefinitionNode], inputs: JSONObject, maxErrors: Int = 50
) -> VariableValuesResult {
    var errors: [GraphQLError] = []
    var coerced = JSONObject()
    struct Abort: Error {}
    func report(_ error: GraphQLError) throws {
        if errors.count >= maxErrors { throw Abort() }
        errors.append(error)
    }
    do {
        for def in definitions {
            let name = def.variable.name.value
            guard let varType = typeFromAST(schema, def.type), varType.isInputType else {
                try report(GraphQLError(
                    "Variable \"$\(name)\" expected value of type \"\(printTypeNode(def.type))\" which cannot be used as an input type.",
                    nodes: [def.type]))
                continue
            }
            guard let value = inputs[name] else {
                if let dv = def.defaultValue {
                    if let v = valueFromAST(dv, varType) { coerced[name] = v }
                } else if varType.isNonNull {
                    try report(GraphQLError("Variable \"$\(name)\" of required type \"\(varType)\" was not provided.", nodes: [def]))
                }
                continue
            }
            if value.isNull && varType.isNonNull {
                try report(GraphQLError("Variable \"$\(name)\" of non-null type \"\(varType)\" must not be null.", nodes: [def]))
                continue
            }
            var failed = false
            let v = try coerceInputValue(value, varType) { path, invalid, error in
                failed = true
                var prefix = "Variable \"$\(name)\" got invalid value " + inspect(invalid ?? .null)
                if !path.isEmpty { prefix += " at \"\(name)\(printPathArray(path))\"" }
                try report(GraphQLError(prefix + "; " + error.message, nodes: [def], originalError: error.originalError))
            }
            if !failed, let v { coerced[name] = v }
        }
    } catch {
        errors.append(GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."))
    }
    return errors.isEmpty ? .success(coerced) : .failure(errors)
}

/// Coerced variables, or the errors that stop the request.
public enum VariableValuesResult: Sendable {
    case success(JSONObject)
    case failure([GraphQLError])
}

/// Coerces a field's or directive's arguments; throws the first problem as graphql-js does.
public func getArgumentValues(
    _ argDefs: [GraphQLArgument], _ argumentNodes: [ArgumentNode], _ node: any Node, _ variables: JSONObject?
) throws -> JSONObject {
    var coerced = JSONObject(minimumCapacity: argDefs.count)
    if argDefs.isEmpty { return coerced }
    for argDef in argDefs {
        let name = argDef.name
        let argType = argDef.type
        guard let argNode = argumentNodes.first(where: { $0.name.value == name }) else {
            if let dv = argDef.defaultValue {
                coerced.append(name, dv)
            } else if argType.isNonNull {
                throw GraphQLError("Argument \"\(name)\" of required type \"\(argType)\" was not provided.", nodes: [node])
            }
            continue
        }
        let valueNode = argNode.value
        var isNull = false
        if case .variable(let v) = valueNode {
            let varName = v.name.value
            guard let varValue = variables?[varName] else {
                if let dv = argDef.defaultValue {
                    coerced.append(name, dv)
                } else if argType.isNonNull {
                    throw GraphQLError(
                        "Argument \"\(name)\" of required type \"\(argType)\" was provided the variable \"$\(varName)\" which was not provided a runtime value.",
                        nodes: [valueNode])
                }
                continue
            }
            isNull = varValue.isNull
        } else if case .null = valueNode {
            isNull = true
        }
        if isNull && argType.isNonNull {
            throw GraphQLError("Argument \"\(name)\" of non-null type \"\(argType)\" must not be null.", nodes: [valueNode])
        }
        guard let value = valueFromAST(valueNode, argType, variables) else {
            throw GraphQLError("Argument \"\(name)\" has invalid value \(printValueLiteral(valueNode)).", nodes: [valueNode])
        }
        coerced.append(name, value)
    }
    return coerced
}

/// The type a type reference names in `schema`, or `nil` when the named type does not exist.
public func typeFromAST(_ schema: GraphQLSchema, _ node: TypeNode) -> GraphQLType? {
    switch node {
    case .named(let n): return schema.type(named: n.name.value).map { .named($0) }
    case .list(let l): return typeFromAST(schema, l.type).map { .list($0) }
    case .nonNull(let n): return typeFromAST(schema, n.type).map { .nonNull($0) }
    }
}

func printTypeNode(_ node: TypeNode) -> String {
    switch node {
    case .named(let n): return n.name.value
    case .list(let l): return "[\(printTypeNode(l.type))]"
    case .nonNull(let n): return "\(printTypeNode(n.type))!"
    }
}
