/// Checks a schema against the type system's rules, as graphql-js's `validateSchema`; `[]` when valid.
///
/// ```swift
/// let errors = validateSchema(schema)
/// // ["Interface field Node.id expected but User does not provide it."]
/// ```
public func validateSchema(_ schema: GraphQLSchema) -> [GraphQLError] {
    var v = SchemaValidator(schema: schema)
    v.validateRootTypes()
    v.validateDirectives()
    v.validateTypes()
    return v.errors
}

struct SchemaValidator {
    let schema: GraphQLSchema
    var errors: [GraphQLError] = []

    init(schema: GraphQLSchema) { self.schema = schema }

    mutating func report(_ message: String, _ nodes: [any Node] = []) { errors.append(GraphQLError(message, nodes: nodes)) }

    mutating func validateRootTypes() {
        if schema.queryType == nil { report("Query root type must be provided.") }
    }

    mutating func validateName(_ name: String) {
        if name.hasPrefix("__") {
            report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.")
        }
    }

    mutating func validateDirectives() {
        for d in schema.directives {
            validateName(d.name)
            if d.locations.isEmpty { report("Directive @\(d.name) must include 1 or more locations.") }
            for arg in d.args {
                validateName(arg.name)
                if !arg.type.isInputType {
                    report("Argument @\(d.name)(\(arg.name):) must accept input type, but got: \(arg.type).")
                }
                if arg.type.isNonNull && arg.defaultValue == nil && arg.deprecationReason != nil {
                    report("Required argument @\(d.name)(\(arg.name):) cannot be deprecated.")
                }
            }
        }
    }

    mutating func validateTypes() {
        var visitedInputs = Set<String>()
        for type in schema.typeMap.values {
            if !type.isIntrospectionType { validateName(type.name) }
            switch type {
            case .object(let o):
                validateFields(o.name, o.fields, type.astNodes)
                validateInterfaces(o.name, .object(o), o.interfaces, o.fields)
            case .interface(let i):
                validateFields(i.name, i.fields, type.astNodes)
                validateInterfaces(i.name, .interface(i), i.interfaces, i.fields)
            case .union(let u):
                if u.types.isEmpty { report("Union type \(u.name) must define one or more member types.", type.astNodes.map(\.node)) }
                var seen = Set<String>()
                for m in u.types {
                    if !seen.insert(m.name).inserted { report("Union type \(u.name) can only include type \(m.name) once.") }
                }
            case .enumeration(let e):
                if e.values.isEmpty { report("Enum type \(e.name) must define one or more values.", type.astNodes.map(\.node)) }
                for v in e.values { validateName(v.name) }
            case .inputObject(let io):
                if io.fields.isEmpty { report("Input Object type \(io.name) must define one or more fields.", type.astNodes.map(\.node)) }
                for f in io.fields {
                    validateName(f.name)
                    if !f.type.isInputType {
                        report("The type of \(io.name).\(f.name) must be Input Type but got: \(f.type).")
                    }
                    if f.type.isNonNull && f.defaultValue == nil && f.deprecationReason != nil {
                        report("Required input field \(io.name).\(f.name) cannot be deprecated.")
                    }
                    if io.isOneOf {
                        if f.type.isNonNull { report("OneOf input field \(io.name).\(f.name) must be nullable.") }
                        if f.defaultValue != nil { report("OneOf input field \(io.name).\(f.name) cannot have a default value.") }
                    }
                }
                validateInputObjectCircularRefs(io, &visitedInputs)
            case .scalar: break
            }
        }
    }

    mutating func validateFields(_ typeName: String, _ fields: GraphQLFieldMap, _ astNodes: [DefinitionNode] = []) {
        if fields.isEmpty { report("Type \(typeName) must define one or more fields.", astNodes.map(\.node)) }
        for f in fields {
            validateName(f.name)
            if !f.type.isOutputType {
                report("The type of \(typeName).\(f.name) must be Output Type but got: \(f.type).")
            }
            for arg in f.args {
                validateName(arg.name)
                if !arg.type.isInputType {
                    report("The type of \(typeName).\(f.name)(\(arg.name):) must be Input Type but got: \(arg.type).")
                }
                if arg.type.isNonNull && arg.defaultValue == nil && arg.deprecationReason != nil {
                    report("Required argument \(typeName).\(f.name)(\(arg.name):) cannot be deprecated.")
                }
            }
        }
    }

    mutating func validateInterfaces(
        _ typeName: String, _ type: GraphQLNamedType, _ interfaces: [GraphQLInterfaceType], _ fields: GraphQLFieldMap
    ) {
        var seen = Set<String>()
        for iface in interfaces {
            if iface.name == typeName {
                report("Type \(typeName) cannot implement itself because it would create a circular reference.")
                continue
            }
            if !seen.insert(iface.name).inserted {
                report("Type \(typeName) can only implement \(iface.name) once.")
                continue
            }
            for transitive in iface.interfaces where !interfaces.contains(where: { $0.name == transitive.name }) {
                report(transitive.name == typeName
                    ? "Type \(typeName) cannot implement \(iface.name) because it would create a circular reference."
                    : "Type \(typeName) must implement \(transitive.name) because it is implemented by \(iface.name).")
            }
            for ifaceField in iface.fields {
                let fieldName = ifaceField.name
                guard let typeField = fields[fieldName] else {
                    report("Interface field \(iface.name).\(fieldName) expected but \(typeName) does not provide it.")
                    continue
                }
                if !isTypeSubTypeOf(schema, typeField.type, ifaceField.type) {
                    report("Interface field \(iface.name).\(fieldName) expects type \(ifaceField.type) but \(typeName).\(fieldName) is type \(typeField.type).")
                }
                for ifaceArg in ifaceField.args {
                    guard let typeArg = typeField.argument(ifaceArg.name) else {
                        report("Interface field argument \(iface.name).\(fieldName)(\(ifaceArg.name):) expected but \(typeName).\(fieldName) does not provide it.")
                        continue
                    }
                    if !GraphQLType.same(ifaceArg.type, typeArg.type) {
                        report("Interface field argument \(iface.name).\(fieldName)(\(ifaceArg.name):) expects type \(ifaceArg.type) but \(typeName).\(fieldName)(\(ifaceArg.name):) is type \(typeArg.type).")
                    }
                }
                for typeArg in typeField.args where typeArg.type.isNonNull && typeArg.defaultValue == nil {
                    if ifaceField.argument(typeArg.name) == nil {
                        report("Object field \(typeName).\(fieldName) includes required argument \(typeArg.name) that is missing from the Interface field \(iface.name).\(fieldName).")
                    }
                }
            }
        }
    }

    mutating func validateInputObjectCircularRefs(_ root: GraphQLInputObjectType, _ visited: inout Set<String>) {
        var path: [String] = []
        var pathIndex: [String: Int] = [:]
        func detect(_ io: GraphQLInputObjectType, _ errors: inout [GraphQLError], _ visited: inout Set<String>) {
            if visited.contains(io.name) { return }
            visited.insert(io.name)
            pathIndex[io.name] = path.count
            for f in io.fields {
                guard case .nonNull(let inner) = f.type, case .named(.inputObject(let fieldType)) = inner else { continue }
                path.append(f.name)
                if let cycleIndex = pathIndex[fieldType.name] {
                    let names = path[cycleIndex...].joined(separator: ".")
                    errors.append(GraphQLError("Cannot reference Input Object \"\(fieldType.name)\" within itself through a series of non-null fields: \"\(names)\"."))
                } else {
                    detect(fieldType, &errors, &visited)
                }
                path.removeLast()
            }
            pathIndex[io.name] = nil
        }
        detect(root, &errors, &visited)
    }
}

/// Whether `maybeSubType` can be used where `superType` is expected (covariant output types).
public func isTypeSubTypeOf(_ schema: GraphQLSchema, _ maybeSubType: GraphQLType, _ superType: GraphQLType) -> Bool {
    if GraphQLType.same(maybeSubType, superType) { return true }
    if case .nonNull(let sup) = superType {
        if case .nonNull(let sub) = maybeSubType { return isTypeSubTypeOf(schema, sub, sup) }
        return false
    }
    if case .nonNull(let sub) = maybeSubType { return isTypeSubTypeOf(schema, sub, superType) }
    if case .list(let sup) = superType {
        if case .list(let sub) = maybeSubType { return isTypeSubTypeOf(schema, sub, sup) }
        return false
    }
    if case .list = maybeSubType { return false }
    if case .named(let sup) = superType, sup.isAbstractType, case .named(let sub) = maybeSubType {
        switch sub {
        case .object, .interface: return schema.isSubType(sup, sub)
        default: return false
        }
    }
    return false
}
