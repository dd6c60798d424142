import JSON

/// A response path: a linked list from the root to the current field or list item.
public final class ResponsePath: Sendable {
    public let prev: ResponsePath?
    public let key: PathComponent
    public let typename: String?

    public init(prev: ResponsePath?, key: PathComponent, typename: String? = nil) {
        self.prev = prev
        self.key = key
        self.typename = typename
    }

    /// The path from the root as a list of keys and indices.
    public var components: [PathComponent] {
        var out: [PathComponent] = []
        var p: ResponsePath? = self
        while let c = p {
            out.append(c.key)
            p = c.prev
        }
        return out.reversed()
    }
}

/// What a resolver knows about the field it resolves.
public struct GraphQLResolveInfo: Sendable {
    public let fieldName: String
    public let fieldNodes: [FieldNode]
    public let returnType: GraphQLType
    public let parentType: GraphQLObjectType
    let parentPath: ResponsePath?
    let responseKey: String
    let context: ExecutionContext

    /// The response path of this field (built on demand).
    public var path: ResponsePath { ResponsePath(prev: parentPath, key: .key(responseKey), typename: parentType.name) }

    public var schema: GraphQLSchema { context.schema }
    public var fragments: [String: FragmentDefinitionNode] { context.fragments }
    public var rootValue: any Sendable { context.rootValue }
    public var operation: OperationDefinitionNode { context.operation }
    public var variableValues: JSONObject { context.variableValues }
}

/// The function that produces a field's value.
///
/// ```swift
/// field.resolve = .sync { source, args, context, info in args["id"] }
/// field.resolve = .async { source, args, context, info in try await store.item(args["id"]) }
/// ```
public enum GraphQLFieldResolver: Sendable {
    public typealias SyncFunction = @Sendable (_ source: any Sendable, _ args: JSONObject, _ context: any Sendable, _ info: GraphQLResolveInfo) throws -> (any Sendable)?
    public typealias AsyncFunction = @Sendable (_ source: any Sendable, _ args: JSONObject, _ context: any Sendable, _ info: GraphQLResolveInfo) async throws -> (any Sendable)?

    /// A resolver that never suspends: run inline, no task.
    case sync(SyncFunction)
    /// A resolver that may suspend: sibling async fields of a query run concurrently.
    case async(AsyncFunction)
    /// The cheapest resolver: synchronous, given only the source, the arguments and the schema (no
    /// `GraphQLResolveInfo` is built). Introspection uses it.
    case plain(PlainFunction)

    public typealias PlainFunction = @Sendable (_ source: any Sendable, _ args: JSONObject, _ schema: GraphQLSchema) throws -> (any Sendable)?

    public var isAsync: Bool { if case .async = self { return true } else { return false } }
}

/// A value the default field resolver can read fields from (besides dictionaries and JSON objects).
public protocol GraphQLFieldReadable: Sendable {
    func graphQLField(_ name: String) -> (any Sendable)?
}

/// The default field resolver: reads `info.fieldName` from a dictionary-like source.
public func defaultFieldResolve(_ source: any Sendable, _ name: String) -> (any Sendable)? {
    switch source {
    case let j as JSONValue:
        if case .object(let o) = j { return o[name] }
        return nil
    case let d as [String: any Sendable]:
        return d[name]
    case let o as JSONObject:
        return o[name]
    case let r as any GraphQLFieldReadable:
        return r.graphQLField(name)
    case let d as [String: JSONValue]:
        return d[name]
    case let d as [String: String]:
        return d[name]
    default:
        return nil
    }
}
