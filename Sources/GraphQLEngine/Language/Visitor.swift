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

    public init(
        enter: ((ASTNode, VisitContext) -> VisitAction)? = nil,
        leave: ((ASTNode, VisitContext) -> VisitAction)? = nil
    ) {
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
    if let enter = visitor.enter {
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
    if let leave = visitor.leave, leave(node, context) == .break { return false }
    return true
}

/// Runs several visitors in one traversal (graphql-js's `visitInParallel`): a visitor that skips a node
/// skips only that subtree for itself; one that breaks stops only itself.
public func visitInParallel(_ visitors: [Visitor]) -> Visitor {
    final class State {
        var skipping: [Int?]
        init(_ count: Int) { skipping = Array(repeating: nil, count: count) }
    }
    let state = State(visitors.count)
    let broken = -1
    return Visitor(
        enter: { node, context in
            let depth = context.ancestors.count
            for (i, visitor) in visitors.enumerated() where state.skipping[i] == nil {
                guard let enter = visitor.enter else { continue }
                switch enter(node, context) {
                case .skip: state.skipping[i] = depth
                case .break: state.skipping[i] = broken
                case .continue: break
                }
            }
            return .continue
        },
        leave: { node, context in
            let depth = context.ancestors.count
            for (i, visitor) in visitors.enumerated() {
                if let skipDepth = state.skipping[i] {
                    if skipDepth == depth { state.skipping[i] = nil }
                    continue
                }
                if let leave = visitor.leave, leave(node, context) == .break { state.skipping[i] = broken }
            }
            return .continue
        })
}
