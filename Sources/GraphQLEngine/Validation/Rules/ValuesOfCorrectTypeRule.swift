/// Values of correct type: every literal is valid for the input type expected where it appears, including the
/// @oneOf input object rules (exactly one field, not null, from a non-null variable).
public func ValuesOfCorrectTypeRule(_ context: ValidationContext) -> Visitor {
    var variableDefinitions: [String: VariableDefinitionNode] = [:]
    let typeInfo = context.typeInfo
    func checkLeaf(_ node: ValueNode) {
        guard let locationType = typeInfo.inputType else { return }
        let named = locationType.namedType
        switch named {
        case .scalar(let scalar):
            do { _ = try scalar.parseLiteral(node, nil) } catch let error as GraphQLError {
                context.report(error)
            } catch {
                context.report(GraphQLError(
                    "Expected value of type \"\(locationType)\", found \(print(node)); \(error)", nodes: [node]))
            }
        case .enumeration(let e):
            do { _ = try e.parseLiteral(node) } catch let error as GraphQLError {
                context.report(error)
            } catch {
                context.report(GraphQLError(
                    "Expected value of type \"\(locationType)\", found \(print(node)); \(error)", nodes: [node]))
            }
        default:
            context.report(GraphQLError("Expected value of type \"\(locationType)\", found \(print(node)).", nodes: [node]))
        }
    }
    return Visitor(kinds: KindSet(.operationDefinition, .variableDefinition, .listValue, .objectValue, .objectField, .nullValue, .enumValue, .intValue, .floatValue, .stringValue, .booleanValue), enter: { node, _ in
        switch node {
        case .operationDefinition: variableDefinitions = [:]
        case .variableDefinition(let v): variableDefinitions[v.variable.name.value] = v
        case .listValue(let list):
            if case .list? = typeInfo.parentInputType?.nullableType {} else {
                checkLeaf(.list(list))
                return .skip
            }
        case .objectValue(let object):
            guard case .inputObject(let type)? = typeInfo.inputType?.namedType else {
                checkLeaf(.object(object))
                return .skip
            }
            var given: [String: ObjectFieldNode] = [:]
            var keys: [String] = []
            for f in object.fields where given[f.name.value] == nil {
                given[f.name.value] = f
                keys.append(f.name.value)
            }
            for field in type.fields where given[field.name] == nil && field.type.isNonNull && field.defaultValue == nil {
                context.report(GraphQLError(
                    "Field \"\(type.name).\(field.name)\" of required type \"\(field.type)\" was not provided.", nodes: [object]))
            }
            if type.isOneOf { validateOneOf(context, object, type, keys, given, variableDefinitions) }
        case .objectField(let f):
            if typeInfo.inputType == nil, case .inputObject(let parent)? = typeInfo.parentInputType?.namedType {
                context.report(GraphQLError(
                    "Field \"\(f.name.value)\" is not defined by type \"\(parent.name)\"."
                        + didYouMean(suggestionList(f.name.value, parent.fields.keys)),
                    nodes: [f]))
            }
        case .nullValue(let n):
            if let type = typeInfo.inputType, type.isNonNull {
                context.report(GraphQLError("Expected value of type \"\(type)\", found null.", nodes: [n]))
            }
        case .enumValue(let n): checkLeaf(.enum(n))
        case .intValue(let n): checkLeaf(.int(n))
        case .floatValue(let n): checkLeaf(.float(n))
        case .stringValue(let n): checkLeaf(.string(n))
        case .booleanValue(let n): checkLeaf(.boolean(n))
        default: break
        }
        return .continue
    })
}

/// The @oneOf input object rules.
private func validateOneOf(
    _ context: ValidationContext, _ node: ObjectValueNode, _ type: GraphQLInputObjectType, _ keys: [String],
    _ given: [String: ObjectFieldNode], _ variableDefinitions: [String: VariableDefinitionNode]
) {
    guard keys.count == 1 else {
        context.report(GraphQLError("OneOf Input Object \"\(type.name)\" must specify exactly one key.", nodes: [node]))
        return
    }
    let value = given[keys[0]]!.value
    if case .null = value {
        context.report(GraphQLError("Field \"\(type.name).\(keys[0])\" must be non-null.", nodes: [node]))
        return
    }
    if case .variable(let v) = value, let definition = variableDefinitions[v.name.value] {
        if case .nonNull = definition.type {} else {
            context.report(GraphQLError(
                "Variable \"\(v.name.value)\" must be non-nullable to be used for OneOf Input Object \"\(type.name)\".", nodes: [node]))
        }
    }
}
