import Synchronization

/// A GraphQL schema: root operation types, the type map and the directives.
///
/// ```swift
/// let schema = try buildSchema("type Query { hello: String }")
/// schema.type(named: "Query")
/// ```
public final class GraphQLSchema: Sendable {
    public let description: String?
    public let queryType: GraphQLObjectType?
    public let mutationType: GraphQLObjectType?
    public let subscriptionType: GraphQLObjectType?
    public let directives: [GraphQLDirective]
    /// Every named type, in graphql-js's collection order.
    public let typeMap: OrderedNamedMap<GraphQLNamedType>

    private let implementations: [String: (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType])]
    /// What is worked out on first use and kept: executions on many threads ask.
    private let caches = Mutex(Caches())

    private struct Caches {
        var subTypes: [String: Set<String>] = [:]
        var validationErrors: [GraphQLError]?
        var allSynchronous: Bool?
        var directiveTables: DirectiveTables?
    }

    /// The directive rules' lookup tables for this schema's directives, made on first use.
    var directiveTables: DirectiveTables {
        if let known = caches.withLock({ $0.directiveTables }) { return known }
        let tables = DirectiveTables(directives)
        caches.withLock { $0.directiveTables = tables }
        return tables
    }

    public init(
        query: GraphQLObjectType?, mutation: GraphQLObjectType? = nil, subscription: GraphQLObjectType? = nil,
        types: [GraphQLNamedType] = [], directives: [GraphQLDirective] = specifiedDirectives, description: String? = nil
    ) {
        _ = Introspection.setUp
        self.queryType = query
        self.mutationType = mutation
        self.subscriptionType = subscription
        self.directives = directives
        self.description = description

        // Ordered-set semantics of graphql-js: initial types, each removed and re-collected in turn.
        var slots: [GraphQLNamedType?] = []
        var position: [String: Int] = [:]
        slots.reserveCapacity(types.count + 16)
        position.reserveCapacity(types.count + 16)
        for t in types where position[t.name] == nil {
            position[t.name] = slots.count
            slots.append(t)
        }
        func collect(_ t: GraphQLNamedType) {
            let name = t.name
            if position[name] != nil { return }
            position[name] = slots.count
            slots.append(t)
            switch t {
            case .union(let u):
                for m in u.types { collect(.object(m)) }
            case .object(let o):
                for i in o.interfaces { collect(.interface(i)) }
                for f in o.fields.values {
                    collect(f.type.namedType)
                    for a in f.args { collect(a.type.namedType) }
                }
            case .interface(let o):
                for i in o.interfaces { collect(.interface(i)) }
                for f in o.fields.values {
                    collect(f.type.namedType)
                    for a in f.args { collect(a.type.namedType) }
                }
            case .inputObject(let io):
                for f in io.fields.values { collect(f.type.namedType) }
            default: break
            }
        }
        for t in types {
            if let p = position[t.name] {
                slots[p] = nil
                position[t.name] = nil
            }
            collect(t)
        }
        if let query { collect(.object(query)) }
        if let mutation { collect(.object(mutation)) }
        if let subscription { collect(.object(subscription)) }
        for d in directives { for a in d.args { collect(a.type.namedType) } }
        collect(.object(Introspection.schemaType))

        var map = OrderedNamedMap<GraphQLNamedType>()
        var implementations: [String: (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType])] = [:]
        for case let t? in slots {
            map[t.name] = t
            switch t {
            case .object(let o):
                for i in o.interfaces { implementations[i.name, default: ([], [])].objects.append(o) }
            case .interface(let it):
                for i in it.interfaces { implementations[i.name, default: ([], [])].interfaces.append(it) }
            default: break
            }
        }
        typeMap = map
        self.implementations = implementations
    }

    public func type(named name: String) -> GraphQLNamedType? { typeMap[name] }

    public func directive(named name: String) -> GraphQLDirective? { directives.first { $0.name == name } }

    public func rootType(for operation: OperationType) -> GraphQLObjectType? {
        switch operation {
        case .query: return queryType
        case .mutation: return mutationType
        case .subscription: return subscriptionType
        }
    }

    /// The object types that may be the runtime type of an abstract type.
    public func possibleTypes(of abstract: GraphQLNamedType) -> [GraphQLObjectType] {
        switch abstract {
        case .union(let u): return u.types
        case .interface(let i): return implementations[i.name]?.objects ?? []
        case .object(let o): return [o]
        default: return []
        }
    }

    public func implementations(of interface: GraphQLInterfaceType) -> (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType]) {
        implementations[interface.name] ?? ([], [])
    }

    /// Whether `maybeSub` is a possible type (or implementing interface) of `abstract`.
    public func isSubType(_ abstract: GraphQLNamedType, _ maybeSub: GraphQLNamedType) -> Bool {
        let key = abstract.name
        if let cached = caches.withLock({ $0.subTypes[key] }) { return cached.contains(maybeSub.name) }
        var set = Set<String>()
        switch abstract {
        case .union(let u): for t in u.types { set.insert(t.name) }
        case .interface(let i):
            let impl = implementations(of: i)
            for t in impl.objects { set.insert(t.name) }
            for t in impl.interfaces { set.insert(t.name) }
        default: break
        }
        caches.withLock { $0.subTypes[key] = set }
        return set.contains(maybeSub.name)
    }

    /// Whether every resolver is `.sync` (or the default) and no abstract type has an application `resolveType`:
    /// then execution runs with no suspension points at all. Computed at the first execution; set resolvers
    /// before executing.
    public var isAllSynchronous: Bool {
        if let cached = caches.withLock({ $0.allSynchronous }) { return cached }
        var sync = true
        scan: for t in typeMap.values {
            switch t {
            case .object(let o):
                for f in o.fields where f.resolve?.isAsync == true { sync = false; break scan }
            case .interface(let i):
                if i.resolveType != nil { sync = false; break scan }
            case .union(let u):
                if u.resolveType != nil { sync = false; break scan }
            default: break
            }
        }
        caches.withLock { $0.allSynchronous = sync }
        return sync
    }

    /// The schema's validation errors (computed once), as graphql-js's `validateSchema`.
    public var validationErrors: [GraphQLError] {
        if let cached = caches.withLock({ $0.validationErrors }) { return cached }
        let errors = validateSchema(self)
        caches.withLock { $0.validationErrors = errors }
        return errors
    }
}
