/// Named type existence: every type a document names is defined by the schema or, in SDL, by the document.
public func KnownTypeNamesRule(_ context: some ASTValidationContext) -> Visitor {
    let schema = context.existingSchema
    var definedTypes: [String] = []
    var definedSet: Set<String> = []
    for definition in context.document.definitions where isTypeDefinitionNode(definition) {
        if let name = definitionName(definition), definedSet.insert(name).inserted { definedTypes.append(name) }
    }
    return Visitor(kinds: KindSet(.namedType), enter: { node, ctx in
        guard case .namedType(let named) = node else { return .continue }
        let name = named.name.value
        guard schema?.type(named: name) == nil, !definedSet.contains(name) else { return .continue }
        let definitionNode = ctx.ancestors.count > 1 ? ctx.ancestors[1] : ctx.parent
        let isSDL = definitionNode.map { isTypeSystemDefinitionNode($0) || isTypeSystemExtensionNode($0) } ?? false
        if isSDL && standardTypeNames.contains(name) { return .continue }
        // Every known name, for suggestions: gathered only for an unknown type, not on every validation.
        let typeNames = (schema?.typeMap.keys ?? []) + definedTypes
        let suggestions = suggestionList(name, isSDL ? standardTypeNames + typeNames : typeNames)
        context.report(GraphQLError("Unknown type \"\(name)\"." + didYouMean(suggestions), nodes: [named]))
        return .continue
    })
}

/// The specified scalars and the introspection types: SDL may name them without defining them.
private let standardTypeNames = ["String", "Int", "Float", "Boolean", "ID", "__Schema", "__Type", "__Field",
                                 "__InputValue", "__EnumValue", "__Directive", "__TypeKind", "__DirectiveLocation"]
