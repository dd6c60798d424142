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
    var walk = TypedWalk(VisitorHandler(visitor))
    _ = walk.walk(root)
}

/// Walks a document.
public func visit(_ document: DocumentNode, _ visitor: Visitor) {
    var walk = TypedWalk(VisitorHandler(visitor))
    _ = walk.document(document)
}

/// A visitor as a typed walk's handler.
struct VisitorHandler: WalkHandler {
    let kinds: KindSet
    let enter: ((ASTNode, VisitContext) -> VisitAction)?
    let leave: ((ASTNode, VisitContext) -> VisitAction)?

    init(_ visitor: Visitor) {
        // A kind without callbacks needs no node built for it.
        kinds = visitor.enter == nil && visitor.leave == nil ? KindSet() : visitor.kinds
        enter = visitor.enter
        leave = visitor.leave
    }

    @inline(__always) func handles(_ kind: Kind) -> Bool { kinds.contains(kind) }

    @inline(__always) func enter(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) -> VisitAction {
        enter?(node, context) ?? .continue
    }

    @inline(__always) func leave(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) -> VisitAction {
        leave?(node, context) ?? .continue
    }
}
