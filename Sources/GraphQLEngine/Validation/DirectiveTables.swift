/// What the directive rules look up by directive name: where each may be used, its arguments, the ones required
/// (with their types as messages print them), and whether it may repeat. A schema's tables are made once and kept
/// (`GraphQLSchema.directiveTables`); a document's own directive definitions are laid over them per validation.
struct DirectiveTables: Sendable {
    var locations: [String: [String]] = [:]
    var argumentNames: [String: [String]] = [:]
    var requiredArguments: [String: [(name: String, type: String)]] = [:]
    var isUnique: [String: Bool] = [:]

    init(_ directives: [GraphQLDirective]) {
        for d in directives {
            locations[d.name] = d.locations.map(\.rawValue)
            argumentNames[d.name] = d.args.map(\.name)
            requiredArguments[d.name] = d.args.filter { $0.type.isNonNull && $0.defaultValue == nil }.map { ($0.name, "\($0.type)") }
            isUnique[d.name] = !d.isRepeatable
        }
    }

    mutating func add(_ d: DirectiveDefinitionNode) {
        let name = d.name.value
        locations[name] = d.locations.map(\.value)
        argumentNames[name] = d.arguments.map(\.name.value)
        requiredArguments[name] = d.arguments.filter { a in
            if case .nonNull = a.type { return a.defaultValue == nil } else { return false }
        }.map { ($0.name.value, print($0.type)) }
        isUnique[name] = !d.repeatable
    }

    /// The tables a validation of `context`'s document uses: its schema's (the specified directives' for SDL that
    /// stands alone) with the document's directive definitions over them.
    static func of(_ context: some ASTValidationContext) -> DirectiveTables {
        var tables = context.existingSchema?.directiveTables ?? specifiedDirectiveTables
        for case .directive(let d) in context.document.definitions { tables.add(d) }
        return tables
    }
}

private let specifiedDirectiveTables = DirectiveTables(specifiedDirectives)
