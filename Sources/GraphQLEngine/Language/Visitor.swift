// Depth-first traversal of the AST with enter/leave callbacks, as graphql-js's `visit` (without editing).

/// What a visitor callback asks the traversal to do next.
public enum VisitAction: Sendable, Equatable {
    /// Go on (into the node's children, when entering).
    case `continue`
    /// Entering: don't visit this node's children, and don't call `leave` for it.
    case skip
    /// Stop the whole traversal.
    case `break`
}

/// Where the traversal is: the ancestors of the current node, outermost first.
public struct VisitContext {
    /// The nodes from the root down to (not including) the current node.
    public internal(set) var ancestors: [ASTNode] = []
    /// The current node's parent.
    public var parent: ASTNode? { ancestors.last }
}

/// A visitor: `enter` is called before a node's children, `leave` after them.
///
/// ```swift
/// var names: [String] = []
/// visit(document, Visitor(enter: { node, _ in
///     if case .field(let field) = node { names.append(field.name.value) }
///     return .continue
/// }))
/// ```
public struct Visitor {
    public var enter: ((ASTNode, VisitContext) -> VisitAction)?
    public var leave: ((ASTNode, VisitContext) -> VisitAction)?
    /// The kinds of node the callbacks are called for (all by default); other nodes are walked through silently.
    public var kinds: KindSet

    public init(
        kinds: KindSet = .all,
        enter: ((ASTNode, VisitContext) -> VisitAction)? = nil,
        leave: ((ASTNode, VisitContext) -> VisitAction)? = nil
    ) {
        self.kinds = kinds
        self.enter = enter
        self.leave = leave
    }
}

/// Walks `root` depth first, calling the visitor's `enter` and `leave` for every node.
public func visit(_ root: ASTNode, _ visitor: Visitor) {
    var context = VisitContext()
    _ = walk(root, visitor, &context)
}

/// Walks a document.
public func visit(_ document: DocumentNode, _ visitor: Visitor) {
    visit(.document(document), visitor)
}

/// Returns false when the traversal must stop.
private func walk(_ node: ASTNode, _ visitor: Visitor, _ context: inout VisitContext) -> Bool {
    let interested = visitor.kinds.contains(node.kind)
    if interested, let enter = visitor.enter {
        switch enter(node, context) {
        case .break: return false
        case .skip: return true
        case .continue: break
        }
    }
    let children = node.children
    if !children.isEmpty {
        context.ancestors.append(node)
        for child in children {
            if !walk(child, visitor, &context) { return false }
        }
        context.ancestors.removeLast()
    }
    if interested, let leave = visitor.leave, leave(node, context) == .break { return false }
    return true
}

private let active = -2
private let broken = -1

/// Runs several visitors in one traversal (graphql-js's `visitInParallel`): a visitor that skips a node
/// skips only that subtree for itself; one that breaks stops only itself. Each node goes only to the visitors
/// whose `kinds` include its kind, through tables made once per call.
public func visitInParallel(_ visitors: [Visitor]) -> Visitor {
    let parallel = ParallelVisitors(visitors)
    return Visitor(
        kinds: parallel.kinds,
        enter: { node, context in
            parallel.enter(node, context)
            return .continue
        },
        leave: { node, context in
            parallel.leave(node, context)
            return .continue
        })
}

/// The state of visitors run in parallel; validation calls it directly, saving a closure per node.
final class ParallelVisitors {
    /// Per visitor: `active`, the depth of the node it skipped, or `broken`. A raw buffer: a class's array
    /// property would pay a dynamic exclusivity check on every access, several per node.
    private let skipping: UnsafeMutableBufferPointer<Int>
    private let entering: [[Int]]
    /// Leaving a node: visitors with a leave callback, and those that may have skipped it (to resume them).
    private let leaving: [[Int]]
    private let enters: [((ASTNode, VisitContext) -> VisitAction)?]
    private let leaves: [((ASTNode, VisitContext) -> VisitAction)?]
    let kinds: KindSet

    init(_ visitors: [Visitor]) {
        skipping = .allocate(capacity: visitors.count)
        skipping.initialize(repeating: active)
        var entering = [[Int]](repeating: [], count: Kind.allCases.count)
        var leaving = entering
        var union = KindSet()
        for kind in Kind.allCases {
            for (i, visitor) in visitors.enumerated() where visitor.kinds.contains(kind) {
                if visitor.enter != nil { entering[kind.ordinal].append(i) }
                if visitor.enter != nil || visitor.leave != nil { leaving[kind.ordinal].append(i) }
            }
        }
        for visitor in visitors { union.formUnion(visitor.kinds) }
        self.entering = entering
        self.leaving = leaving
        kinds = union
        enters = visitors.map(\.enter)
        leaves = visitors.map(\.leave)
    }

    deinit { skipping.deallocate() }

    @inline(__always)
    func enter(_ node: ASTNode, _ context: VisitContext) {
        let depth = context.ancestors.count
        for i in entering[node.kind.ordinal] where skipping[i] == active {
            switch enters[i]!(node, context) {
            case .skip: skipping[i] = depth
            case .break: skipping[i] = broken
            case .continue: break
            }
        }
    }

    @inline(__always)
    func leave(_ node: ASTNode, _ context: VisitContext) {
        let depth = context.ancestors.count
        for i in leaving[node.kind.ordinal] {
            let skipDepth = skipping[i]
            if skipDepth != active {
                if skipDepth == depth { skipping[i] = active }
                continue
            }
            if let leave = leaves[i], leave(node, context) == .break { skipping[i] = broken }
        }
    }
}
