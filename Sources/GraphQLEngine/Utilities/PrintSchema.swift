/// Prints a schema as SDL, exactly as graphql-js's `printSchema` (specified scalars, specified directives and
/// introspection types left out).
///
/// ```swift
/// print(printSchema(try buildSchema(sdl)))
/// ```
public func printSchema(_ schema: GraphQLSchema) -> String {
    printFilteredSchema(schema, directiveFilter: { !$0.isSpecified }, typeFilter: { t in
        !(t.scalarType.map { specifiedScalarTypeNames.contains($0.name) } ?? false) && !t.isIntrospectionType
    })
}

/// Prints the specified directives and the introspection types, as graphql-js's `printIntrospectionSchema`.
public func printIntrospectionSchema(_ schema: GraphQLSchema) -> String {
    printFilteredSchema(schema, directiveFilter: { $0.isSpecified }, typeFilter: { $0.isIntrospectionType })
}

func printFilteredSchema(
    _ schema: GraphQLSchema, directiveFilter: (GraphQLDirective) -> Bool, typeFilter: (GraphQLNamedType) -> Bool
) -> String {
    var parts: [String] = []
    if let def = printSchemaDefinition(schema) { parts.append(def) }
    for d in schema.directives where directiveFilter(d) { parts.append(printDirective(d)) }
    for t in schema.typeMap.values where typeFilter(t) { parts.append(printType(t)) }
    return parts.joined(separator: "\n\n")
}

func printSchemaDefinition(_ schema: GraphQLSchema) -> String? {
    if schema.description == nil && isSchemaOfCommonNames(schema) { return nil }
    var ops: [String] = []
    if let q = schema.queryType { ops.append("  query: \(q.name)") }
    if let m = schema.mutationType { ops.append("  mutation: \(m.name)") }
    if let s = schema.subscriptionType { ops.append("  subscription: \(s.name)") }
    return printDescription(schema.description) + "schema {\n" + ops.joined(separator: "\n") + "\n}"
}

func isSchemaOfCommonNames(_ schema: GraphQLSchema) -> Bool {
    if let q = schema.queryType, q.name != "Query" { return false }
    if let m = schema.mutationType, m.name != "Mutation" { return false }
    if let s = schema.subscriptionType, s.name != "Subscription" { return false }
    return true
}

/// One named type as SDL.
public func printType(_ type: GraphQLNamedType) -> String {
    switch type {
    case .scalar(let s):
        var out = printDescription(s.description) + "scalar \(s.name)"
        if let url = s.specifiedByURL { out += " @specifiedBy(url: \(LiteralPrinter.string(url)))" }
        return out
    case .object(let o):
        return printDescription(o.description) + "type \(o.name)" + printImplementedInterfaces(o.interfaces) + printFields(o.fields)
    case .interface(let i):
        return printDescription(i.description) + "interface \(i.name)" + printImplementedInterfaces(i.interfaces) + printFields(i.fields)
    case .union(let u):
        let possible = u.types.isEmpty ? "" : " = " + u.types.map(\.name).joined(separator: " | ")
        return printDescription(u.description) + "union \(u.name)" + possible
    case .enumeration(let e):
        let values = e.values.enumerated().map { i, v in
            printDescription(v.description, indentation: "  ", firstInBlock: i == 0) + "  \(v.name)" + printDeprecated(v.deprecationReason)
        }
        return printDescription(e.description) + "enum \(e.name)" + printBlock(values)
    case .inputObject(let io):
        let fields = io.fields.values.enumerated().map { i, f in
            printDescription(f.description, indentation: "  ", firstInBlock: i == 0) + "  " + printInputValue(f)
        }
        return printDescription(io.description) + "input \(io.name)" + (io.isOneOf ? " @oneOf" : "") + printBlock(fields)
    }
}

func printImplementedInterfaces(_ interfaces: [GraphQLInterfaceType]) -> String {
    interfaces.isEmpty ? "" : " implements " + interfaces.map(\.name).joined(separator: " & ")
}

func printFields(_ fields: GraphQLFieldMap) -> String {
    let lines = fields.values.enumerated().map { i, f in
        printDescription(f.description, indentation: "  ", firstInBlock: i == 0) + "  \(f.name)"
            + printArgs(f.args, indentation: "  ") + ": \(f.type)" + printDeprecated(f.deprecationReason)
    }
    return printBlock(lines)
}

func printBlock(_ items: [String]) -> String {
    items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
}

func printArgs(_ args: [GraphQLArgument], indentation: String = "") -> String {
    if args.isEmpty { return "" }
    if !args.contains(where: { !($0.description ?? "").isEmpty }) {
        return "(" + args.map(printInputValue).joined(separator: ", ") + ")"
    }
    return "(\n" + args.enumerated().map { i, a in
        printDescription(a.description, indentation: "  " + indentation, firstInBlock: i == 0) + "  " + indentation + printInputValue(a)
    }.joined(separator: "\n") + "\n" + indentation + ")"
}

func printInputValue(_ arg: GraphQLArgument) -> String {
    var decl = "\(arg.name): \(arg.type)"
    if let dv = arg.defaultValue, let ast = astFromValue(dv, arg.type) {
        decl += " = " + printValueLiteral(ast)
    }
    return decl + printDeprecated(arg.deprecationReason)
}

func printDirective(_ d: GraphQLDirective) -> String {
    printDescription(d.description) + "directive @\(d.name)" + printArgs(d.args) + (d.isRepeatable ? " repeatable" : "")
        + " on " + d.locations.map(\.rawValue).joined(separator: " | ")
}

func printDeprecated(_ reason: String?) -> String {
    guard let reason else { return "" }
    if reason != defaultDeprecationReason { return " @deprecated(reason: \(LiteralPrinter.string(reason)))" }
    return " @deprecated"
}

func printDescription(_ description: String?, indentation: String = "", firstInBlock: Bool = true) -> String {
    guard let description else { return "" }
    let block = LiteralPrinter.isPrintableAsBlockString(description)
        ? LiteralPrinter.blockString(description) : LiteralPrinter.string(description)
    let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
    return prefix + block.gqlReplacingAll("\n", with: "\n" + indentation) + "\n"
}
