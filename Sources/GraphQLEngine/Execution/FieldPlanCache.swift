import Synchronization

/// Which fields a selection set selects on an object type, with their definitions resolved: what `collectFields`
/// works out for every object the executor completes.
struct FieldPlan: Sendable {
    let fields: [CollectedField]
    /// At least two fields have async resolvers: they run concurrently.
    let concurrent: Bool
    /// No field below resolves asynchronously.
    let synchronous: Bool
}

/// A plan's identity within one document: the object type and the source span of the field nodes it completes.
struct FieldPlanKey: Hashable, Sendable {
    let type: ObjectIdentifier
    let start: Int
    let end: Int
    let count: Int
}

/// The field plans of one document, shared by every execution of it: a server executing the same (persisted)
/// query again and again collects its fields once instead of once per object per request.
///
/// Plans depend on variables only through `@skip`/`@include` with a variable argument; a document that has one
/// is not shared (each execution keeps its own plans). Bound to the first schema it is used with.
///
/// ```swift
/// let plans = FieldPlanCache(document: document)   // kept beside the validated document
/// let result = await execute(schema: schema, document: document, variableValues: variables, plans: plans)
/// ```
public final class FieldPlanCache: Sendable {
    private let variableDependent: Bool
    private let state = Mutex(State())

    private struct State {
        var schema: ObjectIdentifier?
        var plans: [FieldPlanKey: FieldPlan] = [:]
    }

    public init(document: DocumentNode) {
        variableDependent = document.definitions.contains { definition in
            switch definition {
            case .operation(let operation): return Self.hasVariableConditions(operation.selectionSet)
            case .fragment(let fragment): return Self.hasVariableConditions(fragment.selectionSet)
            default: return false
            }
        }
    }

    /// Whether executions against `schema` may share these plans.
    func isShareable(for schema: GraphQLSchema) -> Bool {
        guard !variableDependent else { return false }
        let id = ObjectIdentifier(schema)
        return state.withLock {
            if $0.schema == nil { $0.schema = id }
            return $0.schema == id
        }
    }

    func plan(_ key: FieldPlanKey) -> FieldPlan? { state.withLock { $0.plans[key] } }

    func store(_ plan: FieldPlan, for key: FieldPlanKey) { state.withLock { $0.plans[key] = plan } }

    /// A `@skip` or `@include` whose condition is a variable, anywhere in the selection set.
    private static func hasVariableConditions(_ selectionSet: SelectionSetNode) -> Bool {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if hasVariableCondition(field.directives) { return true }
                if let inner = field.selectionSet, hasVariableConditions(inner) { return true }
            case .inlineFragment(let fragment):
                if hasVariableCondition(fragment.directives) || hasVariableConditions(fragment.selectionSet) { return true }
            case .fragmentSpread(let spread):
                if hasVariableCondition(spread.directives) { return true }
            }
        }
        return false
    }

    private static func hasVariableCondition(_ directives: [DirectiveNode]) -> Bool {
        directives.contains { directive in
            (directive.name.value == "skip" || directive.name.value == "include")
                && directive.arguments.contains { if case .variable = $0.value { return true } else { return false } }
        }
    }
}
