// The children of each AST node, in graphql-js's `QueryDocumentKeys` order.

extension ASTNode {
    /// The node's child nodes, in the order graphql-js's `visit` walks them.
    public var children: [ASTNode] {
        var result: [ASTNode] = []
        switch self {
        case .`document`(let n):
            for c in n.definitions { result.append(ASTNode(c)) }
        case .`operationDefinition`(let n):
            if let c = n.name { result.append(.name(c)) }
            for c in n.variableDefinitions { result.append(.`variableDefinition`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            result.append(.`selectionSet`(n.selectionSet))
        case .`variableDefinition`(let n):
            result.append(.`variable`(n.variable))
            result.append(ASTNode(n.`type`))
            if let c = n.defaultValue { result.append(ASTNode(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
        case .`variable`(let n):
            result.append(.name(n.name))
        case .`selectionSet`(let n):
            for c in n.selections { result.append(ASTNode(c)) }
        case .`field`(let n):
            if let c = n.alias { result.append(.name(c)) }
            result.append(.name(n.name))
            for c in n.arguments { result.append(.`argument`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            if let c = n.selectionSet { result.append(.`selectionSet`(c)) }
        case .`argument`(let n):
            result.append(.name(n.name))
            result.append(ASTNode(n.value))
        case .`fragmentSpread`(let n):
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
        case .`inlineFragment`(let n):
            if let c = n.typeCondition { result.append(.`namedType`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            result.append(.`selectionSet`(n.selectionSet))
        case .`fragmentDefinition`(let n):
            result.append(.name(n.name))
            result.append(.`namedType`(n.typeCondition))
            for c in n.directives { result.append(.`directive`(c)) }
            result.append(.`selectionSet`(n.selectionSet))
        case .`listValue`(let n):
            for c in n.values { result.append(ASTNode(c)) }
        case .`objectValue`(let n):
            for c in n.fields { result.append(.`objectField`(c)) }
        case .`objectField`(let n):
            result.append(.name(n.name))
            result.append(ASTNode(n.value))
        case .`directive`(let n):
            result.append(.name(n.name))
            for c in n.arguments { result.append(.`argument`(c)) }
        case .`namedType`(let n):
            result.append(.name(n.name))
        case .`listType`(let n):
            result.append(ASTNode(n.`type`))
        case .`nonNullType`(let n):
            result.append(ASTNode(n.`type`))
        case .`schemaDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.operationTypes { result.append(.`operationTypeDefinition`(c)) }
        case .`operationTypeDefinition`(let n):
            result.append(.`namedType`(n.type))
        case .`scalarTypeDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
        case .`objectTypeDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.interfaces { result.append(.`namedType`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.fields { result.append(.`fieldDefinition`(c)) }
        case .`fieldDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.arguments { result.append(.`inputValueDefinition`(c)) }
            result.append(ASTNode(n.`type`))
            for c in n.directives { result.append(.`directive`(c)) }
        case .`inputValueDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            result.append(ASTNode(n.`type`))
            if let c = n.defaultValue { result.append(ASTNode(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
        case .`interfaceTypeDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.interfaces { result.append(.`namedType`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.fields { result.append(.`fieldDefinition`(c)) }
        case .`unionTypeDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.types { result.append(.`namedType`(c)) }
        case .`enumTypeDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.values { result.append(.`enumValueDefinition`(c)) }
        case .`enumValueDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
        case .`inputObjectTypeDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.fields { result.append(.`inputValueDefinition`(c)) }
        case .`directiveDefinition`(let n):
            if let c = n.description { result.append(.`stringValue`(c)) }
            result.append(.name(n.name))
            for c in n.arguments { result.append(.`inputValueDefinition`(c)) }
            for c in n.locations { result.append(.`name`(c)) }
        case .`schemaExtension`(let n):
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.operationTypes { result.append(.`operationTypeDefinition`(c)) }
        case .`scalarTypeExtension`(let n):
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
        case .`objectTypeExtension`(let n):
            result.append(.name(n.name))
            for c in n.interfaces { result.append(.`namedType`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.fields { result.append(.`fieldDefinition`(c)) }
        case .`interfaceTypeExtension`(let n):
            result.append(.name(n.name))
            for c in n.interfaces { result.append(.`namedType`(c)) }
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.fields { result.append(.`fieldDefinition`(c)) }
        case .`unionTypeExtension`(let n):
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.types { result.append(.`namedType`(c)) }
        case .`enumTypeExtension`(let n):
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.values { result.append(.`enumValueDefinition`(c)) }
        case .`inputObjectTypeExtension`(let n):
            result.append(.name(n.name))
            for c in n.directives { result.append(.`directive`(c)) }
            for c in n.fields { result.append(.`inputValueDefinition`(c)) }
        default:
            break
        }
        return result
    }
}
