// Finding the variables an operation or fragment uses, with the input types expected where they are used
// (graphql-js's getVariableUsages): a walk of its own, or the validation walk, which has the same type info.

/// Collects the variables a walk with type info meets (variable definitions declare their variable, they do not
/// use it).
struct VariableUsageCollector: WalkHandler {
    final class Usages { var list: [VariableUsage] = [] }
    let typeInfo: TypeInfo
    let usages = Usages()

    func handles(_ kind: Kind) -> Bool { kind == .variableDefinition || kind == .variable }

    func enter(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) -> VisitAction {
        switch node {
        case .variableDefinition: return .skip
        case .variable(let v):
            usages.list.append(VariableUsage(node: v, type: typeInfo.inputType, defaultValue: typeInfo.defaultValue))
        default: break
        }
        return .continue
    }

    func leave(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) -> VisitAction { .continue }
}

/// Gathers, during the validation walk, the usages of each operation and fragment, and records them in the
/// context when the walk leaves it (before the rules leave it: they ask for them there).
final class VariableUsageRecorder {
    static let kinds = KindSet(.operationDefinition, .fragmentDefinition, .variableDefinition, .variable)
    private let typeInfo: TypeInfo
    private let context: ValidationContext
    private var usages: [VariableUsage] = []
    private var inVariableDefinition = false

    init(_ context: ValidationContext) {
        self.context = context
        typeInfo = context.typeInfo
    }

    func enter(_ node: ASTNode, _ kind: Kind) {
        switch node {
        case .operationDefinition, .fragmentDefinition: usages = []
        case .variableDefinition: inVariableDefinition = true
        case .variable(let v) where !inVariableDefinition:
            usages.append(VariableUsage(node: v, type: typeInfo.inputType, defaultValue: typeInfo.defaultValue))
        default: break
        }
    }

    func leave(_ node: ASTNode, _ kind: Kind) {
        switch kind {
        case .operationDefinition, .fragmentDefinition:
            // Without a location there is no key: the context then walks the definition itself when asked.
            if let key = node.loc?.start { context.recordVariableUsages(usages, at: key) }
            usages = []
        case .variableDefinition: inVariableDefinition = false
        default: break
        }
    }
}
