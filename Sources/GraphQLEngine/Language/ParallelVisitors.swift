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
            parallel.enter(node, node.kind, context)
            return .continue
        },
        leave: { node, context in
            parallel.leave(node, node.kind, context)
            return .continue
        })
}

/// The state of visitors run in parallel; validation calls it directly, saving a closure per node.
final class ParallelVisitors {
    /// Per visitor: `active`, the depth of the node it skipped, or `broken`. Raw buffers: a class's array
    /// property would pay a dynamic exclusivity check on every access, several per node.
    private let skipping: UnsafeMutableBufferPointer<Int>
    /// Per kind: the visitors to call on entering (`entering`), and on leaving: those with a leave callback and
    /// those that may have skipped the node (to resume them). Both index `visitorLists`, a range per kind.
    private let entering: UnsafeMutableBufferPointer<Range<Int>>
    private let leaving: UnsafeMutableBufferPointer<Range<Int>>
    private let visitorLists: UnsafeMutableBufferPointer<Int>
    /// The visitors themselves: an array of closures would hold them at the most general abstraction, and
    /// every call would go through a thunk that copies the node.
    private let visitors: [Visitor]
    let kinds: KindSet

    init(_ visitors: [Visitor]) {
        skipping = .allocate(capacity: visitors.count)
        skipping.initialize(repeating: active)
        // The kinds each visitor handles, counted, then listed kind by kind (visitors in their order).
        var enterCounts = [Int](repeating: 0, count: Kind.count)
        var leaveCounts = enterCounts
        var union = KindSet()
        for visitor in visitors {
            union.formUnion(visitor.kinds)
            guard visitor.enter != nil || visitor.leave != nil else { continue }
            visitor.kinds.forEachOrdinal { ordinal in
                if visitor.enter != nil { enterCounts[ordinal] += 1 }
                leaveCounts[ordinal] += 1
            }
        }
        let entering = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: enterCounts.count)
        let leaving = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: leaveCounts.count)
        var next = 0
        for ordinal in enterCounts.indices {
            entering[ordinal] = next..<next + enterCounts[ordinal]
            next += enterCounts[ordinal]
            leaving[ordinal] = next..<next + leaveCounts[ordinal]
            next += leaveCounts[ordinal]
        }
        let visitorLists = UnsafeMutableBufferPointer<Int>.allocate(capacity: next)
        var enterFill = enterCounts.indices.map { entering[$0].lowerBound }
        var leaveFill = leaveCounts.indices.map { leaving[$0].lowerBound }
        for (i, visitor) in visitors.enumerated() where visitor.enter != nil || visitor.leave != nil {
            visitor.kinds.forEachOrdinal { ordinal in
                if visitor.enter != nil {
                    visitorLists[enterFill[ordinal]] = i
                    enterFill[ordinal] += 1
                }
                visitorLists[leaveFill[ordinal]] = i
                leaveFill[ordinal] += 1
            }
        }
        self.entering = entering
        self.leaving = leaving
        self.visitorLists = visitorLists
        kinds = union
        self.visitors = visitors
    }

    deinit {
        skipping.deallocate()
        entering.deallocate()
        leaving.deallocate()
        visitorLists.deallocate()
    }

    @inline(__always)
    func enter(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) {
        let depth = context.ancestors.count
        for n in entering[kind.ordinal] {
            let i = visitorLists[n]
            guard skipping[i] == active else { continue }
            switch visitors[i].enter!(node, context) {
            case .skip: skipping[i] = depth
            case .break: skipping[i] = broken
            case .continue: break
            }
        }
    }

    @inline(__always)
    func leave(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) {
        let depth = context.ancestors.count
        for n in leaving[kind.ordinal] {
            let i = visitorLists[n]
            let skipDepth = skipping[i]
            if skipDepth != active {
                if skipDepth == depth { skipping[i] = active }
                continue
            }
            if let leave = visitors[i].leave, leave(node, context) == .break { skipping[i] = broken }
        }
    }
}
