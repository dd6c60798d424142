// The type-system half of the parser: definitions, descriptions and extensions.

extension Parser {
    func peekDescription() -> Bool { peek(.string) || peek(.blockString) }

    mutating func parseDescription() throws(GraphQLError) -> StringValueNode? {
        peekDescription() ? try parseStringLiteral() : nil
    }

    mutating func parseConstDirectives() throws(GraphQLError) -> [DirectiveNode] {
        try parseDirectives(isConst: true)
    }

    mutating func parseSchemaDefinition() throws(GraphQLError) -> SchemaDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseConstDirectives()
        try expectToken(.braceL)
        var operationTypes: [OperationTypeDefinitionNode] = []
        repeat {
            operationTypes.append(try parseOperationTypeDefinition())
        } while !(try expectOptionalToken(.braceR))
        return SchemaDefinitionNode(
            description: description, directives: directives, operationTypes: operationTypes, loc: loc(start))
    }

    mutating func parseOperationTypeDefinition() throws(GraphQLError) -> OperationTypeDefinitionNode {
        let start = lexer.token
        let operation = try parseOperationType()
        try expectToken(.colon)
        let type = try parseNamedType()
        return OperationTypeDefinitionNode(operation: operation, type: type, loc: loc(start))
    }

    mutating func parseOptionalOperationTypes() throws(GraphQLError) -> [OperationTypeDefinitionNode] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [OperationTypeDefinitionNode] = []
        repeat {
            nodes.append(try parseOperationTypeDefinition())
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseScalarTypeDefinition() throws(GraphQLError) -> ScalarTypeDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseConstDirectives()
        return ScalarTypeDefinitionNode(description: description, name: name, directives: directives, loc: loc(start))
    }

    mutating func parseObjectTypeDefinition() throws(GraphQLError) -> ObjectTypeDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("type")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseConstDirectives()
        let fields = try parseFieldsDefinition()
        return ObjectTypeDefinitionNode(
            description: description, name: name, interfaces: interfaces, directives: directives, fields: fields,
            loc: loc(start))
    }

    mutating func parseImplementsInterfaces() throws(GraphQLError) -> [NamedTypeNode] {
        guard try expectOptionalKeyword("implements") else { return [] }
        _ = try expectOptionalToken(.amp)
        var types: [NamedTypeNode] = []
        repeat {
            types.append(try parseNamedType())
        } while try expectOptionalToken(.amp)
        return types
    }

    mutating func parseFieldsDefinition() throws(GraphQLError) -> [FieldDefinitionNode] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [FieldDefinitionNode] = []
        repeat {
            nodes.append(try parseFieldDefinition())
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseFieldDefinition() throws(GraphQLError) -> FieldDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentDefs()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let directives = try parseConstDirectives()
        return FieldDefinitionNode(
            description: description, name: name, arguments: arguments, type: type, directives: directives,
            loc: loc(start))
    }

    mutating func parseArgumentDefs() throws(GraphQLError) -> [InputValueDefinitionNode] {
        guard try expectOptionalToken(.parenL) else { return [] }
        var nodes: [InputValueDefinitionNode] = []
        repeat {
            nodes.append(try parseInputValueDef())
        } while !(try expectOptionalToken(.parenR))
        return nodes
    }

    mutating func parseInputValueDef() throws(GraphQLError) -> InputValueDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        let name = try parseName()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseConstDirectives()
        return InputValueDefinitionNode(
            description: description, name: name, type: type, defaultValue: defaultValue, directives: directives,
            loc: loc(start))
    }

    mutating func parseInterfaceTypeDefinition() throws(GraphQLError) -> InterfaceTypeDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("interface")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseConstDirectives()
        let fields = try parseFieldsDefinition()
        return InterfaceTypeDefinitionNode(
            description: description, name: name, interfaces: interfaces, directives: directives, fields: fields,
            loc: loc(start))
    }

    mutating func parseUnionTypeDefinition() throws(GraphQLError) -> UnionTypeDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseConstDirectives()
        let types = try parseUnionMemberTypes()
        return UnionTypeDefinitionNode(
            description: description, name: name, directives: directives, types: types, loc: loc(start))
    }

    mutating func parseUnionMemberTypes() throws(GraphQLError) -> [NamedTypeNode] {
        guard try expectOptionalToken(.equals) else { return [] }
        _ = try expectOptionalToken(.pipe)
        var types: [NamedTypeNode] = []
        repeat {
            types.append(try parseNamedType())
        } while try expectOptionalToken(.pipe)
        return types
    }

    mutating func parseEnumTypeDefinition() throws(GraphQLError) -> EnumTypeDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseConstDirectives()
        let values = try parseEnumValuesDefinition()
        return EnumTypeDefinitionNode(
            description: description, name: name, directives: directives, values: values, loc: loc(start))
    }

    mutating func parseEnumValuesDefinition() throws(GraphQLError) -> [EnumValueDefinitionNode] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [EnumValueDefinitionNode] = []
        repeat {
            nodes.append(try parseEnumValueDefinition())
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseEnumValueDefinition() throws(GraphQLError) -> EnumValueDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        let token = lexer.token
        if isKeyword(token, "true") || isKeyword(token, "false") || isKeyword(token, "null") {
            throw syntaxError(
                source, token.start, "\(describe(token)) is reserved and cannot be used for an enum value.")
        }
        let name = try parseName()
        let directives = try parseConstDirectives()
        return EnumValueDefinitionNode(description: description, name: name, directives: directives, loc: loc(start))
    }

    mutating func parseInputObjectTypeDefinition() throws(GraphQLError) -> InputObjectTypeDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseConstDirectives()
        let fields = try parseInputFieldsDefinition()
        return InputObjectTypeDefinitionNode(
            description: description, name: name, directives: directives, fields: fields, loc: loc(start))
    }

    mutating func parseInputFieldsDefinition() throws(GraphQLError) -> [InputValueDefinitionNode] {
        guard try expectOptionalToken(.braceL) else { return [] }
        var nodes: [InputValueDefinitionNode] = []
        repeat {
            nodes.append(try parseInputValueDef())
        } while !(try expectOptionalToken(.braceR))
        return nodes
    }

    mutating func parseDirectiveDefinition() throws(GraphQLError) -> DirectiveDefinitionNode {
        let start = lexer.token
        let description = try parseDescription()
        try expectKeyword("directive")
        try expectToken(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefs()
        let repeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        _ = try expectOptionalToken(.pipe)
        var locations: [NameNode] = []
        repeat {
            let token = lexer.token
            let location = try parseName()
            guard directiveLocationNames.contains(location.value) else { throw unexpected(token) }
            locations.append(location)
        } while try expectOptionalToken(.pipe)
        return DirectiveDefinitionNode(
            description: description, name: name, arguments: arguments, repeatable: repeatable, locations: locations,
            loc: loc(start))
    }

    // MARK: extensions

    mutating func parseTypeSystemExtension() throws(GraphQLError) -> DefinitionNode {
        let keywordToken = try lexer.lookahead()
        if keywordToken.kind == .name {
            let start = lexer.token
            if isKeyword(keywordToken, "schema") {
                try advanceLexer()
                try advanceLexer()
                let directives = try parseConstDirectives()
                let operationTypes = try parseOptionalOperationTypes()
                if directives.isEmpty && operationTypes.isEmpty { throw unexpected() }
                return .schemaExtension(
                    SchemaExtensionNode(directives: directives, operationTypes: operationTypes, loc: loc(start)))
            }
            if isKeyword(keywordToken, "scalar") {
                try advanceLexer()
                try advanceLexer()
                let name = try parseName()
                let directives = try parseConstDirectives()
                if directives.isEmpty { throw unexpected() }
                return .scalarTypeExtension(ScalarTypeExtensionNode(name: name, directives: directives, loc: loc(start)))
            }
            if isKeyword(keywordToken, "type") || isKeyword(keywordToken, "interface") {
                let isType = isKeyword(keywordToken, "type")
                try advanceLexer()
                try advanceLexer()
                let name = try parseName()
                let interfaces = try parseImplementsInterfaces()
                let directives = try parseConstDirectives()
                let fields = try parseFieldsDefinition()
                if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
                if isType {
                    return .objectTypeExtension(
                        ObjectTypeExtensionNode(
                            name: name, interfaces: interfaces, directives: directives, fields: fields, loc: loc(start)))
                }
                return .interfaceTypeExtension(
                    InterfaceTypeExtensionNode(
                        name: name, interfaces: interfaces, directives: directives, fields: fields, loc: loc(start)))
            }
            if isKeyword(keywordToken, "union") {
                try advanceLexer()
                try advanceLexer()
                let name = try parseName()
                let directives = try parseConstDirectives()
                let types = try parseUnionMemberTypes()
                if directives.isEmpty && types.isEmpty { throw unexpected() }
                return .unionTypeExtension(
                    UnionTypeExtensionNode(name: name, directives: directives, types: types, loc: loc(start)))
            }
            if isKeyword(keywordToken, "enum") {
                try advanceLexer()
                try advanceLexer()
                let name = try parseName()
                let directives = try parseConstDirectives()
                let values = try parseEnumValuesDefinition()
                if directives.isEmpty && values.isEmpty { throw unexpected() }
                return .enumTypeExtension(
                    EnumTypeExtensionNode(name: name, directives: directives, values: values, loc: loc(start)))
            }
            if isKeyword(keywordToken, "input") {
                try advanceLexer()
                try advanceLexer()
                let name = try parseName()
                let directives = try parseConstDirectives()
                let fields = try parseInputFieldsDefinition()
                if directives.isEmpty && fields.isEmpty { throw unexpected() }
                return .inputObjectTypeExtension(
                    InputObjectTypeExtensionNode(name: name, directives: directives, fields: fields, loc: loc(start)))
            }
        }
        throw unexpected(keywordToken)
    }
}

/// The names of the spec's directive locations (graphql-js's `DirectiveLocation`).
let directiveLocationNames: Set<String> = [
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
    "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
    "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
]
