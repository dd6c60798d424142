/// A directive is given only the arguments its definition (in the schema or the document) has.
public func KnownArgumentNamesOnDirectivesRule(_ context: some ASTValidationContext) -> Visitor {
    let directiveArgs = DirectiveTables.of(context).argumentNames
    return Visitor(kinds: KindSet(.directive), enter: { node, _ in
        guard case .directive(let directive) = node else { return .continue }
        let name = directive.name.value
        if let known = directiveArgs[name] {
            for arg in directive.arguments where !known.contains(arg.name.value) {
                context.report(GraphQLError(
                    "Unknown argument \"\(arg.name.value)\" on directive \"@\(name)\"." + didYouMean(suggestionList(arg.name.value, known)),
                    nodes: [arg]))
            }
        }
        // Like graphql-js: a directive's arguments are checked here only, never as an enclosing field's.
        return .skip
    })
}
