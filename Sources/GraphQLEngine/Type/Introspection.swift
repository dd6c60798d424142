import JSON

// The introspection meta-types (__Schema, __Type, ...) and meta-fields, as the September 2025 spec defines them.

/// The introspection types and the meta-field definitions.
public enum Introspection {
    static func f(
        _ name: String, _ type: GraphQLType, _ description: String? = nil, args: [GraphQLArgument] = [],
        _ resolve: @escaping GraphQLFieldResolver.PlainFunction
    ) -> GraphQLField {
        GraphQLField(name: name, type: type, description: description, args: args, resolve: .plain(resolve))
    }

    static let string = GraphQLType.named(.scalar(GraphQLString))
    static let boolean = GraphQLType.named(.scalar(GraphQLBoolean))
    static func nn(_ t: GraphQLType) -> GraphQLType { .nonNull(t) }
    static func listNN(_ t: GraphQLType) -> GraphQLType { .list(.nonNull(t)) }

    static let includeDeprecatedArg = GraphQLArgument(name: "includeDeprecated", type: boolean, defaultValue: .bool(false))

    static func includeDeprecated(_ args: JSONObject) -> Bool { args["includeDeprecated"] == .bool(true) }

    public static let schemaType = GraphQLObjectType(
        name: "__Schema",
        description: "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.")
    public static let typeType = GraphQLObjectType(
        name: "__Type",
        description: "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.")
    public static let fieldType = GraphQLObjectType(
        name: "__Field",
        description: "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.")
    public static let inputValueType = GraphQLObjectType(
        name: "__InputValue",
        description: "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.")
    public static let enumValueType = GraphQLObjectType(
        name: "__EnumValue",
        description: "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.")
    public static let directiveType = GraphQLObjectType(
        name: "__Directive",
        description: "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.")
    public static let typeKindType = GraphQLEnumType(
        name: "__TypeKind",
        description: "An enum describing what kind of type a given `__Type` is.",
        values: [
            GraphQLEnumValue(name: "SCALAR", description: "Indicates this type is a scalar."),
            GraphQLEnumValue(name: "OBJECT", description: "Indicates this type is an object. `fields` and `interfaces` are valid fields."),
            GraphQLEnumValue(name: "INTERFACE", description: "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."),
            GraphQLEnumValue(name: "UNION", description: "Indicates this type is a union. `possibleTypes` is a valid field."),
            GraphQLEnumValue(name: "ENUM", description: "Indicates this type is an enum. `enumValues` is a valid field."),
            GraphQLEnumValue(name: "INPUT_OBJECT", description: "Indicates this type is an input object. `inputFields` is a valid field."),
            GraphQLEnumValue(name: "LIST", description: "Indicates this type is a list. `ofType` is a valid field."),
            GraphQLEnumValue(name: "NON_NULL", description: "Indicates this type is a non-null. `ofType` is a valid field."),
        ])
    public static let directiveLocationType = GraphQLEnumType(
        name: "__DirectiveLocation",
        description: "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
        values: DirectiveLocation.allCases.map { GraphQLEnumValue(name: $0.rawValue, description: $0.locationDescription) })

    /// The names of the introspection types.
    public static let typeNames: Set<String> = [
        "__Schema", "__Type", "__Field", "__InputValue", "__EnumValue", "__Directive", "__TypeKind", "__DirectiveLocation",
    ]

    static let setUp: Void = {
        let tType = GraphQLType.named(.object(typeType))
        let tField = GraphQLType.named(.object(fieldType))
        let tInput = GraphQLType.named(.object(inputValueType))
        let tEnumValue = GraphQLType.named(.object(enumValueType))
        let tDirective = GraphQLType.named(.object(directiveType))

        for field in [
            f("description", string) { s, _, _ in (s as? GraphQLSchema)?.description },
            f("types", nn(listNN(tType)), "A list of all types supported by this server.") { s, _, _ in
                (s as! GraphQLSchema).typeMap.values.map { GraphQLType.named($0) as any Sendable }
            },
            f("queryType", nn(tType), "The type that query operations will be rooted at.") { s, _, _ in
                (s as! GraphQLSchema).queryType.map { GraphQLType.named(.object($0)) }
            },
            f("mutationType", tType, "If this server supports mutation, the type that mutation operations will be rooted at.") { s, _, _ in
                (s as! GraphQLSchema).mutationType.map { GraphQLType.named(.object($0)) }
            },
            f("subscriptionType", tType, "If this server supports subscription, the type that subscription operations will be rooted at.") { s, _, _ in
                (s as! GraphQLSchema).subscriptionType.map { GraphQLType.named(.object($0)) }
            },
            f("directives", nn(listNN(tDirective)), "A list of all directives supported by this server.") { s, _, _ in
                (s as! GraphQLSchema).directives.map { $0 as any Sendable }
            },
        ] { schemaType.fields[field.name] = field }

        for field in [
            f("kind", nn(.named(.enumeration(typeKindType)))) { s, _, _ in
                switch s as! GraphQLType {
                case .named(let n): return n.kind.rawValue
                case .list: return "LIST"
                case .nonNull: return "NON_NULL"
                }
            },
            f("name", string) { s, _, _ in
                if case .named(let n) = s as! GraphQLType { return n.name }
                return nil
            },
            f("description", string) { s, _, _ in
                if case .named(let n) = s as! GraphQLType { return n.typeDescription }
                return nil
            },
            f("specifiedByURL", string) { s, _, _ in
                if case .named(.scalar(let sc)) = s as! GraphQLType { return sc.specifiedByURL }
                return nil
            },
            f("fields", listNN(tField), args: [includeDeprecatedArg]) { s, a, _ in
                guard case .named(let n) = s as! GraphQLType, let fields = n.fields else { return nil }
                let all = includeDeprecated(a)
                return fields.values.filter { all || $0.deprecationReason == nil }.map { $0 as any Sendable }
            },
            f("interfaces", listNN(tType)) { s, _, _ in
                switch s as! GraphQLType {
                case .named(.object(let o)): return o.interfaces.map { GraphQLType.named(.interface($0)) as any Sendable }
                case .named(.interface(let o)): return o.interfaces.map { GraphQLType.named(.interface($0)) as any Sendable }
                default: return nil
                }
            },
            f("possibleTypes", listNN(tType)) { s, _, schema in
                guard case .named(let n) = s as! GraphQLType, n.isAbstractType else { return nil }
                return schema.possibleTypes(of: n).map { GraphQLType.named(.object($0)) as any Sendable }
            },
            f("enumValues", listNN(tEnumValue), args: [includeDeprecatedArg]) { s, a, _ in
                guard case .named(.enumeration(let e)) = s as! GraphQLType else { return nil }
                let all = includeDeprecated(a)
                return e.values.filter { all || $0.deprecationReason == nil }.map { $0 as any Sendable }
            },
            f("inputFields", listNN(tInput), args: [includeDeprecatedArg]) { s, a, _ in
                guard case .named(.inputObject(let io)) = s as! GraphQLType else { return nil }
                let all = includeDeprecated(a)
                return io.fields.values.filter { all || $0.deprecationReason == nil }.map { $0 as any Sendable }
            },
            f("ofType", tType) { s, _, _ in
                switch s as! GraphQLType {
                case .list(let t), .nonNull(let t): return t
                default: return nil
                }
            },
            f("isOneOf", boolean) { s, _, _ in
                if case .named(.inputObject(let io)) = s as! GraphQLType { return io.isOneOf }
                return nil
            },
        ] { typeType.fields[field.name] = field }

        for field in [
            f("name", nn(string)) { s, _, _ in (s as! GraphQLField).name },
            f("description", string) { s, _, _ in (s as! GraphQLField).description },
            f("args", nn(listNN(tInput)), args: [includeDeprecatedArg]) { s, a, _ in
                let all = includeDeprecated(a)
                return (s as! GraphQLField).args.filter { all || $0.deprecationReason == nil }.map { $0 as any Sendable }
            },
            f("type", nn(tType)) { s, _, _ in (s as! GraphQLField).type },
            f("isDeprecated", nn(boolean)) { s, _, _ in (s as! GraphQLField).deprecationReason != nil },
            f("deprecationReason", string) { s, _, _ in (s as! GraphQLField).deprecationReason },
        ] { fieldType.fields[field.name] = field }

        for field in [
            f("name", nn(string)) { s, _, _ in (s as! GraphQLArgument).name },
            f("description", string) { s, _, _ in (s as! GraphQLArgument).description },
            f("type", nn(tType)) { s, _, _ in (s as! GraphQLArgument).type },
            f("defaultValue", string, "A GraphQL-formatted string representing the default value for this input value.") { s, _, _ in
                let arg = s as! GraphQLArgument
                guard let dv = arg.defaultValue, let ast = astFromValue(dv, arg.type) else { return nil }
                return printValueLiteral(ast)
            },
            f("isDeprecated", nn(boolean)) { s, _, _ in (s as! GraphQLArgument).deprecationReason != nil },
            f("deprecationReason", string) { s, _, _ in (s as! GraphQLArgument).deprecationReason },
        ] { inputValueType.fields[field.name] = field }

        for field in [
            f("name", nn(string)) { s, _, _ in (s as! GraphQLEnumValue).name },
            f("description", string) { s, _, _ in (s as! GraphQLEnumValue).description },
            f("isDeprecated", nn(boolean)) { s, _, _ in (s as! GraphQLEnumValue).deprecationReason != nil },
            f("deprecationReason", string) { s, _, _ in (s as! GraphQLEnumValue).deprecationReason },
        ] { enumValueType.fields[field.name] = field }

        for field in [
            f("name", nn(string)) { s, _, _ in (s as! GraphQLDirective).name },
            f("description", string) { s, _, _ in (s as! GraphQLDirective).description },
            f("isRepeatable", nn(boolean)) { s, _, _ in (s as! GraphQLDirective).isRepeatable },
            f("locations", nn(listNN(.named(.enumeration(directiveLocationType))))) { s, _, _ in
                (s as! GraphQLDirective).locations.map { $0.rawValue as any Sendable }
            },
            f("args", nn(listNN(tInput)), args: [includeDeprecatedArg]) { s, a, _ in
                let all = includeDeprecated(a)
                return (s as! GraphQLDirective).args.filter { all || $0.deprecationReason == nil }.map { $0 as any Sendable }
            },
        ] { directiveType.fields[field.name] = field }
    }()

    /// An introspection type by name (`__Type`, `__TypeKind`, ...).
    public static func namedType(_ name: String) -> GraphQLNamedType? {
        _ = setUp
        switch name {
        case "__Schema": return .object(schemaType)
        case "__Type": return .object(typeType)
        case "__Field": return .object(fieldType)
        case "__InputValue": return .object(inputValueType)
        case "__EnumValue": return .object(enumValueType)
        case "__Directive": return .object(directiveType)
        case "__TypeKind": return .enumeration(typeKindType)
        case "__DirectiveLocation": return .enumeration(directiveLocationType)
        default: return nil
        }
    }

    /// `__schema: __Schema!`
    public static let schemaMetaField: GraphQLField = {
        _ = setUp
        return GraphQLField(
            name: "__schema", type: .nonNull(.named(.object(schemaType))),
            description: "Access the current type schema of this server.",
            resolve: .sync { _, _, _, info in info.schema })
    }()

    /// `__type(name: String!): __Type`
    public static let typeMetaField: GraphQLField = {
        _ = setUp
        return GraphQLField(
            name: "__type", type: .named(.object(typeType)),
            description: "Request the type information of a single type.",
            args: [GraphQLArgument(name: "name", type: .nonNull(string))],
            resolve: .sync { _, args, _, info in
                guard case .string(let name)? = args["name"] else { return nil }
                return info.schema.type(named: name).map { GraphQLType.named($0) }
            })
    }()

    /// `__typename: String!`
    public static let typeNameMetaField = GraphQLField(
        name: "__typename", type: .nonNull(string),
        description: "The name of the current Object type at runtime.",
        resolve: .sync { _, _, _, info in info.parentType.name })
}

extension GraphQLNamedType {
    public var isIntrospectionType: Bool { Introspection.typeNames.contains(name) }
}
