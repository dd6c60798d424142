// Prints an AST back to GraphQL text, exactly as graphql-js's `print` does.

/// Prints any AST node as graphql-js's `print(ast)`: two-space indentation, one selection per line,
/// arguments of a field broken onto lines past 80 characters, descriptions and block strings as written.
///
/// ```swift
/// let text = print(try parse("query Q{a(x:1){b}}"))  // "query Q {\n  a(x: 1) {\n    b\n  }\n}"
/// ```
public func print(_ node: any Node) -> String {
    switch node {
    case let n as DocumentNode: return printDocument(n)
    case let n as DefinitionNode: return printDefinition(n)
    case let n as SelectionNode: return printSelection(n)
    case let n as ValueNode: return printValue(n)
    case let n as TypeNode: return printType(n)
    case let n as ASTNode: return print(n.node)
    case let n as NameNode: return n.value
    case let n as OperationDefinitionNode: return printDefinition(.operation(n))
    case let n as FragmentDefinitionNode: return printDefinition(.fragment(n))
    case let n as VariableDefinitionNode: return printVariableDefinition(n)
    case let n as VariableNode: return "$" + n.name.value
    case let n as SelectionSetNode: return printSelectionSet(n)
    case let n as FieldNode: return printSelection(.field(n))
    case let n as FragmentSpreadNode: return printSelection(.fragmentSpread(n))
    case let n as InlineFragmentNode: return printSelection(.inlineFragment(n))
    case let n as ArgumentNode: return printArgument(n)
    case let n as ObjectFieldNode: return n.name.value + ": " + printValue(n.value)
    case let n as DirectiveNode: return printDirective(n)
    case let n as IntValueNode: return printValue(.int(n))
    case let n as FloatValueNode: return printValue(.float(n))
    case let n as StringValueNode: return printValue(.string(n))
    case let n as BooleanValueNode: return printValue(.boolean(n))
    case let n as NullValueNode: return printValue(.null(n))
    case let n as EnumValueNode: return printValue(.enum(n))
    case let n as ListValueNode: return printValue(.list(n))
    case let n as ObjectValueNode: return printValue(.object(n))
    case let n as NamedTypeNode: return n.name.value
    case let n as ListTypeNode: return printType(.list(n))
    case let n as NonNullTypeNode: return printType(.nonNull(n))
    case let n as SchemaDefinitionNode: return printDefinition(.schema(n))
    case let n as OperationTypeDefinitionNode: return n.operation.rawValue + ": " + n.type.name.value
    case let n as ScalarTypeDefinitionNode: return printDefinition(.scalarType(n))
    case let n as ObjectTypeDefinitionNode: return printDefinition(.objectType(n))
    case let n as FieldDefinitionNode: return printFieldDefinition(n)
    case let n as InputValueDefinitionNode: return printInputValueDefinition(n)
    case let n as InterfaceTypeDefinitionNode: return printDefinition(.interfaceType(n))
    case let n as UnionTypeDefinitionNode: return printDefinition(.unionType(n))
    case let n as EnumTypeDefinitionNode: return printDefinition(.enumType(n))
    case let n as EnumValueDefinitionNode: return printEnumValueDefinition(n)
    case let n as InputObjectTypeDefinitionNode: return printDefinition(.inputObjectType(n))
    case let n as DirectiveDefinitionNode: return printDefinition(.directive(n))
    case let n as SchemaExtensionNode: return printDefinition(.schemaExtension(n))
    case let n as ScalarTypeExtensionNode: return printDefinition(.scalarTypeExtension(n))
    case let n as ObjectTypeExtensionNode: return printDefinition(.objectTypeExtension(n))
    case let n as InterfaceTypeExtensionNode: return printDefinition(.interfaceTypeExtension(n))
    case let n as UnionTypeExtensionNode: return printDefinition(.unionTypeExtension(n))
    case let n as EnumTypeExtensionNode: return printDefinition(.enumTypeExtension(n))
    case let n as InputObjectTypeExtensionNode: return printDefinition(.inputObjectTypeExtension(n))
    default: return ""
    }
}

private let maxLineLength = 80

// MARK: helpers (graphql-js's join / wrap / block / indent)

private func join(_ strings: [String], _ separator: String = "") -> String {
    var out = ""
    var first = true
    for s in strings where !s.isEmpty {
        if !first { out += separator }
        out += s
        first = false
    }
    return out
}

private func wrap(_ start: String, _ string: String?, _ end: String = "") -> String {
    guard let string, !string.isEmpty else { return "" }
    return start + string + end
}

private func indent(_ string: String) -> String {
    wrap("  ", string.replacingAll("\n", with: "\n  "))
}

private func block(_ strings: [String]) -> String {
    wrap("{\n", indent(join(strings, "\n")), "\n}")
}

private func hasMultilineItems(_ strings: [String]) -> Bool {
    strings.contains { $0.utf8.contains(0x0A) }
}

private func description(_ node: StringValueNode?) -> String {
    guard let node else { return "" }
    return wrap("", printValue(.string(node)), "\n")
}

private func directives(_ nodes: [DirectiveNode]) -> String {
    join(nodes.map(printDirective), " ")
}

private func namedTypes(_ nodes: [NamedTypeNode], _ separator: String) -> String {
    join(nodes.map { $0.name.value }, separator)
}

// MARK: printers

func printDocument(_ node: DocumentNode) -> String {
    join(node.definitions.map(printDefinition), "\n\n")
}

func printSelectionSet(_ node: SelectionSetNode) -> String {
    block(node.selections.map(printSelection))
}

func printVariableDefinition(_ node: VariableDefinitionNode) -> String {
    "$" + node.variable.name.value + ": " + printType(node.type) + wrap(" = ", node.defaultValue.map(printValue))
        + wrap(" ", directives(node.directives))
}

func printArgument(_ node: ArgumentNode) -> String {
    node.name.value + ": " + printValue(node.value)
}

func printDirective(_ node: DirectiveNode) -> String {
    "@" + node.name.value + wrap("(", join(node.arguments.map(printArgument), ", "), ")")
}

func printSelection(_ node: SelectionNode) -> String {
    switch node {
    case .field(let field):
        let prefix = wrap("", field.alias?.value, ": ") + field.name.value
        let arguments = field.arguments.map(printArgument)
        var argsLine = prefix + wrap("(", join(arguments, ", "), ")")
        if argsLine.unicodeScalars.count > maxLineLength {
            argsLine = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)")
        }
        return join([argsLine, directives(field.directives), field.selectionSet.map(printSelectionSet) ?? ""], " ")
    case .fragmentSpread(let spread):
        return "..." + spread.name.value + wrap(" ", directives(spread.directives))
    case .inlineFragment(let fragment):
        return join(
            [
                "...", wrap("on ", fragment.typeCondition?.name.value), directives(fragment.directives),
                printSelectionSet(fragment.selectionSet),
            ], " ")
    }
}

public func printValue(_ node: ValueNode) -> String {
    switch node {
    case .variable(let n): return "$" + n.name.value
    case .int(let n): return n.value
    case .float(let n): return n.value
    case .string(let n): return n.block ? printBlockString(n.value) : printString(n.value)
    case .boolean(let n): return n.value ? "true" : "false"
    case .null: return "null"
    case .enum(let n): return n.value
    case .list(let n): return "[" + join(n.values.map(printValue), ", ") + "]"
    case .object(let n):
        return "{" + join(n.fields.map { $0.name.value + ": " + printValue($0.value) }, ", ") + "}"
    }
}

public func printType(_ node: TypeNode) -> String {
    switch node {
    case .named(let n): return n.name.value
    case .list(let n): return "[" + printType(n.type) + "]"
    case .nonNull(let n): return printType(n.type) + "!"
    }
}

func printFieldDefinition(_ node: FieldDefinitionNode) -> String {
    let args = node.arguments.map(printInputValueDefinition)
    let argsText =
        hasMultilineItems(args) ? wrap("(\n", indent(join(args, "\n")), "\n)") : wrap("(", join(args, ", "), ")")
    return description(node.description) + node.name.value + argsText + ": " + printType(node.type)
        + wrap(" ", directives(node.directives))
}

func printInputValueDefinition(_ node: InputValueDefinitionNode) -> String {
    description(node.description)
        + join(
            [
                node.name.value + ": " + printType(node.type), wrap("= ", node.defaultValue.map(printValue)),
                directives(node.directives),
            ], " ")
}

func printEnumValueDefinition(_ node: EnumValueDefinitionNode) -> String {
    description(node.description) + join([node.name.value, directives(node.directives)], " ")
}

private func operationTypes(_ nodes: [OperationTypeDefinitionNode]) -> String {
    block(nodes.map { $0.operation.rawValue + ": " + $0.type.name.value })
}

func printDefinition(_ node: DefinitionNode) -> String {
    switch node {
    case .operation(let n):
        let varDefs = wrap("(", join(n.variableDefinitions.map(printVariableDefinition), ", "), ")")
        let prefix = join([n.operation.rawValue, join([n.name?.value ?? "", varDefs]), directives(n.directives)], " ")
        return (prefix == "query" ? "" : prefix + " ") + printSelectionSet(n.selectionSet)
    case .fragment(let n):
        return "fragment " + n.name.value + " on " + n.typeCondition.name.value + " "
            + wrap("", directives(n.directives), " ") + printSelectionSet(n.selectionSet)
    case .schema(let n):
        return description(n.description)
            + join(["schema", directives(n.directives), operationTypes(n.operationTypes)], " ")
    case .scalarType(let n):
        return description(n.description) + join(["scalar", n.name.value, directives(n.directives)], " ")
    case .objectType(let n):
        return description(n.description)
            + join(
                [
                    "type", n.name.value, wrap("implements ", namedTypes(n.interfaces, " & ")),
                    directives(n.directives), block(n.fields.map(printFieldDefinition)),
                ], " ")
    case .interfaceType(let n):
        return description(n.description)
            + join(
                [
                    "interface", n.name.value, wrap("implements ", namedTypes(n.interfaces, " & ")),
                    directives(n.directives), block(n.fields.map(printFieldDefinition)),
                ], " ")
    case .unionType(let n):
        return description(n.description)
            + join(["union", n.name.value, directives(n.directives), wrap("= ", namedTypes(n.types, " | "))], " ")
    case .enumType(let n):
        return description(n.description)
            + join(["enum", n.name.value, directives(n.directives), block(n.values.map(printEnumValueDefinition))], " ")
    case .inputObjectType(let n):
        return description(n.description)
            + join(["input", n.name.value, directives(n.directives), block(n.fields.map(printInputValueDefinition))], " ")
    case .directive(let n):
        let args = n.arguments.map(printInputValueDefinition)
        let argsText =
            hasMultilineItems(args) ? wrap("(\n", indent(join(args, "\n")), "\n)") : wrap("(", join(args, ", "), ")")
        return description(n.description) + "directive @" + n.name.value + argsText
            + (n.repeatable ? " repeatable" : "") + " on " + join(n.locations.map { $0.value }, " | ")
    case .schemaExtension(let n):
        return join(["extend schema", directives(n.directives), operationTypes(n.operationTypes)], " ")
    case .scalarTypeExtension(let n):
        return join(["extend scalar", n.name.value, directives(n.directives)], " ")
    case .objectTypeExtension(let n):
        return join(
            [
                "extend type", n.name.value, wrap("implements ", namedTypes(n.interfaces, " & ")),
                directives(n.directives), block(n.fields.map(printFieldDefinition)),
            ], " ")
    case .interfaceTypeExtension(let n):
        return join(
            [
                "extend interface", n.name.value, wrap("implements ", namedTypes(n.interfaces, " & ")),
                directives(n.directives), block(n.fields.map(printFieldDefinition)),
            ], " ")
    case .unionTypeExtension(let n):
        return join(["extend union", n.name.value, directives(n.directives), wrap("= ", namedTypes(n.types, " | "))], " ")
    case .enumTypeExtension(let n):
        return join(["extend enum", n.name.value, directives(n.directives), block(n.values.map(printEnumValueDefinition))], " ")
    case .inputObjectTypeExtension(let n):
        return join(
            ["extend input", n.name.value, directives(n.directives), block(n.fields.map(printInputValueDefinition))], " ")
    }
}
