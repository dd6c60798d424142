import JSON

/// Builds a schema from a type-system document (definitions and extensions), as graphql-js's `buildASTSchema`.
///
/// - `scalars`: custom scalars with the application's coercion functions, by name; they replace the
///   pass-through scalars built for `scalar X` definitions.
/// - `resolvers`: field resolvers by type name and field name (they can also be set later on `GraphQLField.resolve`).
/// - `typeResolvers`: `resolveType` functions for interfaces and unions by name (by default a value's
///   `__typename` key decides).
/// - `assumeValidSDL`: skip the SDL rules (`assertValidSDL`) for a document known to pass them; by default a
///   document that breaks one throws `SDLValidationError` with every error, before anything is built.
///
/// ```swift
/// let schema = try buildASTSchema(document, resolvers: ["Query": ["hello": .sync { _, _, _, _ in "world" }]])
/// ```
public func buildASTSchema(
    _ document: DocumentNode,
    scalars: [GraphQLScalarType] = [],
    resolvers: [String: [String: GraphQLFieldResolver]] = [:],
    typeResolvers: [String: GraphQLTypeResolver] = [:],
    assumeValidSDL: Bool = false
) throws -> GraphQLSchema {
    if !assumeValidSDL { try assertValidSDL(document) }
    var builder = SchemaBuilder(customScalars: Dictionary(scalars.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
    return try builder.build(document, resolvers: resolvers, typeResolvers: typeResolvers)
}

struct SchemaBuilder {
    let customScalars: [String: GraphQLScalarType]
    var typeMap: [String: GraphQLNamedType] = [:]
    var typeOrder: [String] = []

    init(customScalars: [String: GraphQLScalarType]) { self.customScalars = customScalars }

    mutating func build(
        _ document: DocumentNode, resolvers: [String: [String: GraphQLFieldResolver]],
        typeResolvers: [String: GraphQLTypeResolver]
    ) throws -> GraphQLSchema {
        var typeDefs: [DefinitionNode] = []
        var extensions: [String: [DefinitionNode]] = [:]
        var directiveDefs: [DirectiveDefinitionNode] = []
        var schemaDef: SchemaDefinitionNode?
        var schemaExtensions: [SchemaExtensionNode] = []

        for def in document.definitions {
            switch def {
            case .schema(let s):
                if schemaDef != nil { throw GraphQLError("Must provide only one schema definition.", nodes: [s]) }
                schemaDef = s
            case .schemaExtension(let e): schemaExtensions.append(e)
            case .directive(let d): directiveDefs.append(d)
            case .scalarType, .objectType, .interfaceType, .unionType, .enumType, .inputObjectType:
                typeDefs.append(def)
            case .scalarTypeExtension(let e): extensions[e.name.value, default: []].append(def)
            case .objectTypeExtension(let e): extensions[e.name.value, default: []].append(def)
            case .interfaceTypeExtension(let e): extensions[e.name.value, default: []].append(def)
            case .unionTypeExtension(let e): extensions[e.name.value, default: []].append(def)
            case .enumTypeExtension(let e): extensions[e.name.value, default: []].append(def)
            case .inputObjectTypeExtension(let e): extensions[e.name.value, default: []].append(def)
            case .operation, .fragment: break
            }
        }

        // 1. Create every named type (empty shells), in definition order.
        let standard = Dictionary(uniqueKeysWithValues: specifiedScalarTypes.map { ($0.name, GraphQLNamedType.scalar($0)) })
        for def in typeDefs {
            let (name, node) = definitionName(def)
            if typeMap[name] != nil {
                throw GraphQLError("There can be only one type named \"\(name)\".", nodes: [node])
            }
            if let std = standard[name] {
                typeMap[name] = std
                typeOrder.append(name)
                continue
            }
            let shell: GraphQLNamedType
            switch def {
            case .scalarType(let d):
                if let custom = customScalars[name] {
                    if custom.description == nil { custom.description = d.description?.value }
                    shell = .scalar(custom)
                } else {
                    shell = .scalar(GraphQLScalarType(name: name, description: d.description?.value))
                }
            case .objectType(let d): shell = .object(GraphQLObjectType(name: name, description: d.description?.value))
            case .interfaceType(let d): shell = .interface(GraphQLInterfaceType(name: name, description: d.description?.value))
            case .unionType(let d): shell = .union(GraphQLUnionType(name: name, description: d.description?.value))
            case .enumType(let d): shell = .enumeration(GraphQLEnumType(name: name, description: d.description?.value))
            case .inputObjectType(let d): shell = .inputObject(GraphQLInputObjectType(name: name, description: d.description?.value))
            default: continue
            }
            typeMap[name] = shell
            typeOrder.append(name)
        }
        for (name, exts) in extensions where typeMap[name] == nil {
            throw GraphQLError("Cannot extend type \"\(name)\" because it is not defined.", nodes: [exts[0].node])
        }

        // 2. Fill in fields, values, members, interfaces: enums and input objects first, so that default
        //    values (coerced with valueFromAST) can see them.
        func rank(_ d: DefinitionNode) -> Int {
            switch d {
            case .enumType, .scalarType: return 0
            case .inputObjectType: return 1
            default: return 2
            }
        }
        var ranks: [[Int]] = [[], [], []]
        for i in typeDefs.indices { ranks[rank(typeDefs[i])].append(i) }
        let fillOrder = ranks[0] + ranks[1] + ranks[2]
        var pendingInputDefaults: [(GraphQLInputObjectType, InputValueDefinitionNode)] = []
        var inputDefaultsDone = false
        for defIndex in fillOrder {
            let def = typeDefs[defIndex]
            if !inputDefaultsDone && rank(def) == 2 {
                inputDefaultsDone = true
                for (io, node) in pendingInputDefaults {
                    guard let dv = node.defaultValue, var f = io.fields[node.name.value] else { continue }
                    f.defaultValue = valueFromAST(dv, f.type)
                    io.fields[node.name.value] = f
                }
            }
            let (name, _) = definitionName(def)
            if standard[name] != nil { continue }
            let exts = extensions[name] ?? []
            let shell = typeMap[name]!
            let nodes = [def] + exts
            switch shell {
            case .scalar(let t): t.astNodes = nodes
            case .object(let t): t.astNodes = nodes
            case .interface(let t): t.astNodes = nodes
            case .union(let t): t.astNodes = nodes
            case .enumeration(let t): t.astNodes = nodes
            case .inputObject(let t): t.astNodes = nodes
            }
            switch def {
            case .scalarType(let d):
                guard case .scalar(let s) = shell else { break }
                var directives = d.directives
                for case .scalarTypeExtension(let e) in exts { directives += e.directives }
                if let url = try directiveArgument(GraphQLSpecifiedByDirective, directives, "url"), case .string(let u) = url {
                    s.specifiedByURL = u
                }
            case .objectType(let d):
                guard case .object(let o) = shell else { break }
                var fieldNodes = d.fields, interfaceNodes = d.interfaces
                for case .objectTypeExtension(let e) in exts {
                    fieldNodes += e.fields
                    interfaceNodes += e.interfaces
                }
                o.interfaces = try interfaceNodes.map { try interface($0) }
                for f in fieldNodes {
                    let field = try buildField(f)
                    field.resolve = resolvers[name]?[field.name]
                    o.fields[field.name] = field
                }
            case .interfaceType(let d):
                guard case .interface(let i) = shell else { break }
                var fieldNodes = d.fields, interfaceNodes = d.interfaces
                for case .interfaceTypeExtension(let e) in exts {
                    fieldNodes += e.fields
                    interfaceNodes += e.interfaces
                }
                i.interfaces = try interfaceNodes.map { try interface($0) }
                for f in fieldNodes {
                    let field = try buildField(f)
                    field.resolve = resolvers[name]?[field.name]
                    i.fields[field.name] = field
                }
                i.resolveType = typeResolvers[name]
            case .unionType(let d):
                guard case .union(let u) = shell else { break }
                var members = d.types
                for case .unionTypeExtension(let e) in exts { members += e.types }
                u.types = try members.map { node in
                    guard case .object(let o)? = typeMap[node.name.value] else {
                        throw GraphQLError(typeMap[node.name.value] == nil
                            ? "Unknown type \"\(node.name.value)\"."
                            : "Union type \(name) can only include Object types, it cannot include \(node.name.value).", nodes: [node])
                    }
                    return o
                }
                u.resolveType = typeResolvers[name]
            case .enumType(let d):
                guard case .enumeration(let e) = shell else { break }
                var values = d.values
                for case .enumTypeExtension(let x) in exts { values += x.values }
                e.values = try values.map { v in
                    GraphQLEnumValue(name: v.name.value, description: v.description?.value,
                                     deprecationReason: try deprecationReason(v.directives))
                }
            case .inputObjectType(let d):
                guard case .inputObject(let io) = shell else { break }
                var fields = d.fields
                var directives = d.directives
                for case .inputObjectTypeExtension(let x) in exts {
                    fields += x.fields
                    directives += x.directives
                }
                for f in fields {
                    let arg = try buildInputValue(f, withDefault: false)
                    io.fields[arg.name] = arg
                    pendingInputDefaults.append((io, f))
                }
                io.isOneOf = directives.contains { $0.name.value == "oneOf" }
            default: break
            }
        }
        if !inputDefaultsDone {
            for (io, node) in pendingInputDefaults {
                guard let dv = node.defaultValue, var f = io.fields[node.name.value] else { continue }
                f.defaultValue = valueFromAST(dv, f.type)
                io.fields[node.name.value] = f
            }
        }

        // 3. Directives and root types.
        var directives: [GraphQLDirective] = []
        for d in directiveDefs {
            let locations = try d.locations.map { n -> DirectiveLocation in
                guard let l = DirectiveLocation(rawValue: n.value) else {
                    throw GraphQLError("Unexpected directive location \"\(n.value)\".", nodes: [n])
                }
                return l
            }
            directives.append(GraphQLDirective(
                name: d.name.value, description: d.description?.value, locations: locations,
                args: try d.arguments.map { try buildInputValue($0) }, isRepeatable: d.repeatable))
        }
        for sd in specifiedDirectives where !directives.contains(where: { $0.name == sd.name }) {
            directives.append(sd)
        }

        var operationTypes: [OperationType: GraphQLObjectType] = [:]
        var description: String?
        var opNodes: [OperationTypeDefinitionNode] = []
        if let schemaDef {
            description = schemaDef.description?.value
            opNodes += schemaDef.operationTypes
        }
        for e in schemaExtensions { opNodes += e.operationTypes }
        for op in opNodes {
            guard let t = typeMap[op.type.name.value] else {
                throw GraphQLError("Unknown type \"\(op.type.name.value)\".", nodes: [op.type])
            }
            guard case .object(let o) = t else {
                throw GraphQLError("\(op.operation.rawValue.prefix(1).uppercased() + op.operation.rawValue.dropFirst()) root type must be Object type, it cannot be \(t.name).", nodes: [op.type])
            }
            operationTypes[op.operation] = o
        }
        if schemaDef == nil && schemaExtensions.allSatisfy({ $0.operationTypes.isEmpty }) {
            operationTypes[.query] = typeMap["Query"]?.objectType
            operationTypes[.mutation] = typeMap["Mutation"]?.objectType
            operationTypes[.subscription] = typeMap["Subscription"]?.objectType
        }
        return GraphQLSchema(
            query: operationTypes[.query], mutation: operationTypes[.mutation], subscription: operationTypes[.subscription],
            types: typeOrder.map { typeMap[$0]! }, directives: directives, description: description)
    }

    func definitionName(_ def: DefinitionNode) -> (String, any Node) {
        switch def {
        case .scalarType(let d): return (d.name.value, d.name)
        case .objectType(let d): return (d.name.value, d.name)
        case .interfaceType(let d): return (d.name.value, d.name)
        case .unionType(let d): return (d.name.value, d.name)
        case .enumType(let d): return (d.name.value, d.name)
        case .inputObjectType(let d): return (d.name.value, d.name)
        default: return ("", def.node)
        }
    }

    func interface(_ node: NamedTypeNode) throws -> GraphQLInterfaceType {
        guard let t = typeMap[node.name.value] else {
            throw GraphQLError("Unknown type \"\(node.name.value)\".", nodes: [node])
        }
        guard case .interface(let i) = t else {
            throw GraphQLError("Type \(node.name.value) is not an interface type.", nodes: [node])
        }
        return i
    }

    func type(_ node: TypeNode) throws -> GraphQLType {
        switch node {
        case .named(let n):
            if let t = typeMap[n.name.value] { return .named(t) }
            if let s = specifiedScalarTypes.first(where: { $0.name == n.name.value }) { return .named(.scalar(s)) }
            if let t = Introspection.namedType(n.name.value) { return .named(t) }
            throw GraphQLError("Unknown type \"\(n.name.value)\".", nodes: [n])
        case .list(let l): return .list(try type(l.type))
        case .nonNull(let n): return .nonNull(try type(n.type))
        }
    }

    func buildField(_ node: FieldDefinitionNode) throws -> GraphQLField {
        GraphQLField(
            name: node.name.value, type: try type(node.type), description: node.description?.value,
            args: try node.arguments.map { try buildInputValue($0) },
            deprecationReason: try deprecationReason(node.directives))
    }

    func buildInputValue(_ node: InputValueDefinitionNode, withDefault: Bool = true) throws -> GraphQLArgument {
        let t = try type(node.type)
        return GraphQLArgument(
            name: node.name.value, type: t, description: node.description?.value,
            defaultValue: withDefault ? node.defaultValue.flatMap { valueFromAST($0, t) } : nil,
            deprecationReason: try deprecationReason(node.directives))
    }

    func deprecationReason(_ directives: [DirectiveNode]) throws -> String? {
        guard directives.contains(where: { $0.name.value == "deprecated" }) else { return nil }
        if case .string(let s)? = try directiveArgument(GraphQLDeprecatedDirective, directives, "reason") { return s }
        return nil
    }

    func directiveArgument(_ directive: GraphQLDirective, _ directives: [DirectiveNode], _ arg: String) throws -> JSONValue? {
        guard let node = directives.first(where: { $0.name.value == directive.name }) else { return nil }
        return try getArgumentValues(directive.args, node.arguments, node, nil)[arg]
    }
}
