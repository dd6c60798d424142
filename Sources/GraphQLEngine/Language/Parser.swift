// The recursive-descent parser, rule for rule as graphql-js's `language/parser`.

/// Parses a GraphQL document (executable definitions and/or the type-system language).
///
/// ```swift
/// let document = try parse("query Q($id: ID!) { item(id: $id) { name } }")
/// ```
/// Syntax errors are thrown as `GraphQLError`s with graphql-js's messages, e.g.
/// `Syntax Error: Expected Name, found "}".`, located at the offending token.
public func parse(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> DocumentNode {
    try parse(Source(source), options: options)
}

/// Parses a GraphQL document from a `Source`.
public func parse(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> DocumentNode {
    try withParser(source, options) { (parser: inout Parser) throws(GraphQLError) in try parser.parseDocument() }
}

/// Parses a single value literal, e.g. `[1, 2, {a: $var}]` (graphql-js's `parseValue`).
public func parseValue(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> ValueNode {
    try parseValue(Source(source), options: options)
}

/// Parses a single value literal from a `Source`.
public func parseValue(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> ValueNode {
    try withParser(source, options) { (parser: inout Parser) throws(GraphQLError) in
        try parser.expectToken(.sof)
        let value = try parser.parseValueLiteral(isConst: false)
        try parser.expectToken(.eof)
        return value
    }
}

/// Parses a single constant value literal: variables are errors (graphql-js's `parseConstValue`).
public func parseConstValue(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError)
    -> ValueNode
{
    try withParser(Source(source), options) { (parser: inout Parser) throws(GraphQLError) in
        try parser.expectToken(.sof)
        let value = try parser.parseValueLiteral(isConst: true)
        try parser.expectToken(.eof)
        return value
    }
}

/// Parses a type reference, e.g. `[String!]!` (graphql-js's `parseType`).
public func parseType(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> TypeNode {
    try parseType(Source(source), options: options)
}

/// Parses a type reference from a `Source`.
public func parseType(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> TypeNode {
    try withParser(source, options) { (parser: inout Parser) throws(GraphQLError) in
        try parser.expectToken(.sof)
        let type = try parser.parseTypeReference()
        try parser.expectToken(.eof)
        return type
    }
}

func withParser<R>(
    _ source: Source, _ options: ParseOptions, _ body: (inout Parser) throws(GraphQLError) -> R
) throws(GraphQLError) -> R {
    let result: Result<R, GraphQLError> = source.withBytes { bytes -> Result<R, GraphQLError> in
        var parser = Parser(source: source, bytes: bytes, options: options)
        do throws(GraphQLError) {
            return .success(try body(&parser))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

/// The parser state: a lexer and the limits. Use the `parse...` functions rather than this directly.
struct Parser {
    var lexer: Lexer
    let source: Source
    let noLocation: Bool
    let maxTokens: Int
    let maxDepth: Int
    var tokenCount = 0
    var depth = 0

    init(source: Source, bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions) {
        self.lexer = Lexer(source: source, bytes: bytes)
        self.source = source
        self.noLocation = options.noLocation
        self.maxTokens = options.maxTokens ?? Int.max
        self.maxDepth = options.maxDepth
    }

    // MARK: tokens

    @inline(__always) var token: Token { lexer.token }

    @inline(__always) func peek(_ kind: TokenKind) -> Bool { lexer.token.kind == kind }

    @inline(__always)
    mutating func advanceLexer() throws(GraphQLError) {
        let next = try lexer.advance()
        if next.kind != .eof {
            tokenCount += 1
            if tokenCount > maxTokens { throw tooManyTokens(at: next) }
        }
    }

    // The errors are built out of line: inlined, their string building gave the hot callers big stack frames.
    @inline(never)
    func tooManyTokens(at token: Token) -> GraphQLError {
        var error = syntaxError(
            source, token.start, "Document contains more than \(maxTokens) tokens. Parsing aborted.")
        error.extensions = [ErrorExtensionEntry("code", .string(QueryLimitCode.tokens))]
        return error
    }

    @discardableResult
    @inline(__always)
    mutating func expectToken(_ kind: TokenKind) throws(GraphQLError) -> Token {
        let token = lexer.token
        if token.kind == kind {
            try advanceLexer()
            return token
        }
        throw expected(kind, found: token)
    }

    @inline(never)
    func expected(_ kind: TokenKind, found token: Token) -> GraphQLError {
        syntaxError(source, token.start, "Expected \(kind.errorDescription), found \(describe(token)).")
    }

    @inline(__always)
    mutating func expectOptionalToken(_ kind: TokenKind) throws(GraphQLError) -> Bool {
        if lexer.token.kind == kind {
            try advanceLexer()
            return true
        }
        return false
    }

    /// Whether `token` is the name `keyword`.
    // Inlined so that calls pass two words of bytes, not a copy of the whole parser.
    @inline(__always)
    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool {
        token.kind == .name && tokenSpells(token, keyword, in: lexer.bytes)
    }

    mutating func expectKeyword(_ keyword: StaticString) throws(GraphQLError) {
        let token = lexer.token
        if isKeyword(token, keyword) {
            try advanceLexer()
            return
        }
        throw syntaxError(source, token.start, "Expected \"\(keyword)\", found \(describe(token)).")
    }

    mutating func expectOptionalKeyword(_ keyword: StaticString) throws(GraphQLError) -> Bool {
        if isKeyword(lexer.token, keyword) {
            try advanceLexer()
            return true
        }
        return false
    }

    func unexpected(_ token: Token? = nil) -> GraphQLError {
        let token = token ?? lexer.token
        return syntaxError(source, token.start, "Unexpected \(describe(token)).")
    }

    /// The text of a name or number token (ASCII, as the lexer checked).
    @inline(__always)
    func text(_ token: Token) -> String {
        makeASCIIString(lexer.bytes, token.start, token.end, packSmall: lexer.packsSmallStrings)
    }

    /// graphql-js's `getTokenDesc`: `Name "foo"`, `"{"`, `<EOF>`.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .name, .int, .float:
            return "\(token.kind) \"\(text(token))\""
        case .string, .blockString, .comment:
            return "\(token.kind) \"\(lexer.stringValue(of: token))\""
        default:
            return token.kind.errorDescription
        }
    }

    @inline(__always)
    func loc(_ start: Token) -> Location? {
        noLocation
            ? nil : Location(start: start.start, end: lexer.lastToken.end, line: start.line, column: start.column)
    }

    mutating func enterNesting() throws(GraphQLError) {
        depth += 1
        if depth > maxDepth {
            throw syntaxError(
                source, lexer.token.start,
                "Document exceeds the maximum nesting depth of \(maxDepth). Parsing aborted.")
        }
    }

    // MARK: document

    @inline(__always)
    mutating func parseName() throws(GraphQLError) -> NameNode {
        let token = try expectToken(.name)
        return NameNode(value: text(token), loc: loc(token))
    }

    mutating func parseDocument() throws(GraphQLError) -> DocumentNode {
        let start = lexer.token
        try expectToken(.sof)
        var definitions: [DefinitionNode] = []
        repeat {
            definitions.append(try parseDefinition())
        } while !(try expectOptionalToken(.eof))
        return DocumentNode(definitions: definitions, loc: loc(start))
    }

    mutating func parseDefinition() throws(GraphQLError) -> DefinitionNode {
        if peek(.braceL) { return .operation(try parseOperationDefinition()) }
        let hasDescription = peekDescription()
        let keywordToken = hasDescription ? try lexer.lookahead() : lexer.token
        if keywordToken.kind == .name {
            if isKeyword(keywordToken, "schema") { return .schema(try parseSchemaDefinition()) }
            if isKeyword(keywordToken, "scalar") { return .scalarType(try parseScalarTypeDefinition()) }
            if isKeyword(keywordToken, "type") { return .objectType(try parseObjectTypeDefinition()) }
            if isKeyword(keywordToken, "interface") { return .interfaceType(try parseInterfaceTypeDefinition()) }
            if isKeyword(keywordToken, "union") { return .unionType(try parseUnionTypeDefinition()) }
            if isKeyword(keywordToken, "enum") { return .enumType(try parseEnumTypeDefinition()) }
            if isKeyword(keywordToken, "input") { return .inputObjectType(try parseInputObjectTypeDefinition()) }
            if isKeyword(keywordToken, "directive") { return .directive(try parseDirectiveDefinition()) }
            if hasDescription {
                throw syntaxError(
                    source, lexer.token.start,
                    "Unexpected description, descriptions are supported only on type definitions.")
            }
            if isKeyword(keywordToken, "query") || isKeyword(keywordToken, "mutation")
                || isKeyword(keywordToken, "subscription")
            {
                return .operation(try parseOperationDefinition())
            }
            if isKeyword(keywordToken, "fragment") { return .fragment(try parseFragmentDefinition()) }
            if isKeyword(keywordToken, "extend") { return try parseTypeSystemExtension() }
        }
        throw unexpected(keywordToken)
    }

    // MARK: operations

    mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinitionNode {
        let start = lexer.token
        if peek(.braceL) {
            let selectionSet = try parseSelectionSet()
            return OperationDefinitionNode(operation: .query, selectionSet: selectionSet, loc: loc(start))
        }
        let operation = try parseOperationType()
        let name = peek(.name) ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinitionNode(
            operation: operation, name: name, variableDefinitions: variableDefinitions, directives: directives,
            selectionSet: selectionSet, loc: loc(start))
    }

    mutating func parseOperationType() throws(GraphQLError) -> OperationType {
        let token = try expectToken(.name)
        if isKeyword(token, "query") { return .query }
        if isKeyword(token, "mutation") { return .mutation }
        if isKeyword(token, "subscription") { return .subscription }
        throw unexpected(token)
    }

    mutating func parseVariableDefinitions() throws(GraphQLError) -> [VariableDefinitionNode] {
        guard try expectOptionalToken(.parenL) else { return [] }
        var nodes: [VariableDefinitionNode] = []
        repeat {
            nodes.append(try parseVariableDefinition())
        } while !(try expectOptionalToken(.parenR))
        return nodes
    }

    mutating func parseVariableDefinition() throws(GraphQLError) -> VariableDefinitionNode {
        let start = lexer.token
        let variable = try parseVariable()
        try expectToken(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return VariableDefinitionNode(
            variable: variable, type: type, defaultValue: defaultValue, directives: directives, loc: loc(start))
    }

    mutating func parseVariable() throws(GraphQLError) -> VariableNode {
        let start = lexer.token
        try expectToken(.dollar)
        let name = try parseName()
        return VariableNode(name: name, loc: loc(start))
    }

    mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSetNode {
        let start = lexer.token
        try enterNesting()
        try expectToken(.braceL)
        var selections: [SelectionNode] = []
        selections.reserveCapacity(6)
        repeat {
            selections.append(try parseSelection())
        } while !(try expectOptionalToken(.braceR))
        depth -= 1
        return SelectionSetNode(selections: selections, loc: loc(start))
    }

    mutating func parseSelection() throws(GraphQLError) -> SelectionNode {
        peek(.spread) ? try parseFragment() : .field(try parseField())
    }

    mutating func parseField() throws(GraphQLError) -> FieldNode {
        let start = lexer.token
        let nameOrAlias = try parseName()
        let alias: NameNode?
        let name: NameNode
        if try expectOptionalToken(.colon) {
            alias = nameOrAlias
            name = try parseName()
        } else {
            alias = nil
            name = nameOrAlias
        }
        let arguments = try parseArguments(isConst: false)
        let directives = try parseDirectives(isConst: false)
        let selectionSet = peek(.braceL) ? try parseSelectionSet() : nil
        return FieldNode(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            loc: loc(start))
    }

    mutating func parseArguments(isConst: Bool) throws(GraphQLError) -> [ArgumentNode] {
        guard try expectOptionalToken(.parenL) else { return [] }
        var nodes: [ArgumentNode] = []
        nodes.reserveCapacity(3)
        repeat {
            nodes.append(try parseArgument(isConst: isConst))
        } while !(try expectOptionalToken(.parenR))
        return nodes
    }

    mutating func parseArgument(isConst: Bool) throws(GraphQLError) -> ArgumentNode {
        let start = lexer.token
        let name = try parseName()
        try expectToken(.colon)
        let value = try parseValueLiteral(isConst: isConst)
        return ArgumentNode(name: name, value: value, loc: loc(start))
    }

    // MARK: fragments

    mutating func parseFragment() throws(GraphQLError) -> SelectionNode {
        let start = lexer.token
        try expectToken(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && peek(.name) {
            let name = try parseFragmentName()
            let directives = try parseDirectives(isConst: false)
            return .fragmentSpread(FragmentSpreadNode(name: name, directives: directives, loc: loc(start)))
        }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragmentNode(
                typeCondition: typeCondition, directives: directives, selectionSet: selectionSet, loc: loc(start)))
    }

    mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinitionNode {
        let start = lexer.token
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseNamedType()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinitionNode(
            name: name, typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
            loc: loc(start))
    }

    mutating func parseFragmentName() throws(GraphQLError) -> NameNode {
        if isKeyword(lexer.token, "on") { throw unexpected() }
        return try parseName()
    }

    // MARK: values

    mutating func parseValueLiteral(isConst: Bool) throws(GraphQLError) -> ValueNode {
        let token = lexer.token
        switch token.kind {
        case .bracketL:
            return .list(try parseList(isConst: isConst))
        case .braceL:
            return .object(try parseObject(isConst: isConst))
        case .int:
            try advanceLexer()
            return .int(IntValueNode(value: text(token), loc: loc(token)))
        case .float:
            try advanceLexer()
            return .float(FloatValueNode(value: text(token), loc: loc(token)))
        case .string, .blockString:
            return .string(try parseStringLiteral())
        case .name:
            try advanceLexer()
            if isKeyword(token, "true") { return .boolean(BooleanValueNode(value: true, loc: loc(token))) }
            if isKeyword(token, "false") { return .boolean(BooleanValueNode(value: false, loc: loc(token))) }
            if isKeyword(token, "null") { return .null(NullValueNode(loc: loc(token))) }
            return .enum(EnumValueNode(value: text(token), loc: loc(token)))
        case .dollar:
            if isConst {
                let variableToken = try expectToken(.dollar)
                let next = lexer.token
                if next.kind == .name {
                    throw syntaxError(
                        source, variableToken.start, "Unexpected variable \"$\(text(next))\" in constant value.")
                }
                throw unexpected(variableToken)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected()
        }
    }

    mutating func parseStringLiteral() throws(GraphQLError) -> StringValueNode {
        let token = lexer.token
        let value = lexer.stringValue
        try advanceLexer()
        return StringValueNode(value: value, block: token.kind == .blockString, loc: loc(token))
    }

    mutating func parseList(isConst: Bool) throws(GraphQLError) -> ListValueNode {
        let start = lexer.token
        try enterNesting()
        try expectToken(.bracketL)
        var values: [ValueNode] = []
        while !(try expectOptionalToken(.bracketR)) {
            values.append(try parseValueLiteral(isConst: isConst))
        }
        depth -= 1
        return ListValueNode(values: values, loc: loc(start))
    }

    mutating func parseObject(isConst: Bool) throws(GraphQLError) -> ObjectValueNode {
        let start = lexer.token
        try enterNesting()
        try expectToken(.braceL)
        var fields: [ObjectFieldNode] = []
        while !(try expectOptionalToken(.braceR)) {
            let fieldStart = lexer.token
            let name = try parseName()
            try expectToken(.colon)
            let value = try parseValueLiteral(isConst: isConst)
            fields.append(ObjectFieldNode(name: name, value: value, loc: loc(fieldStart)))
        }
        depth -= 1
        return ObjectValueNode(fields: fields, loc: loc(start))
    }

    // MARK: directives

    mutating func parseDirectives(isConst: Bool) throws(GraphQLError) -> [DirectiveNode] {
        guard peek(.at) else { return [] }
        var directives: [DirectiveNode] = []
        while peek(.at) {
            let start = lexer.token
            try advanceLexer()
            let name = try parseName()
            let arguments = try parseArguments(isConst: isConst)
            directives.append(DirectiveNode(name: name, arguments: arguments, loc: loc(start)))
        }
        return directives
    }

    // MARK: types

    mutating func parseTypeReference() throws(GraphQLError) -> TypeNode {
        let start = lexer.token
        let type: TypeNode
        if try expectOptionalToken(.bracketL) {
            try enterNesting()
            let inner = try parseTypeReference()
            try expectToken(.bracketR)
            depth -= 1
            type = .list(ListTypeNode(type: inner, loc: loc(start)))
        } else {
            type = .named(try parseNamedType())
        }
        if try expectOptionalToken(.bang) {
            return .nonNull(NonNullTypeNode(type: type, loc: loc(start)))
        }
        return type
    }

    mutating func parseNamedType() throws(GraphQLError) -> NamedTypeNode {
        let start = lexer.token
        let name = try parseName()
        return NamedTypeNode(name: name, loc: loc(start))
    }
}

/// Whether `token`'s bytes are `keyword`'s.
func tokenSpells(_ token: Token, _ keyword: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard token.end - token.start == keyword.utf8CodeUnitCount else { return false }
    let k = keyword.utf8Start
    var i = 0
    while i < keyword.utf8CodeUnitCount {
        if bytes[token.start + i] != k[i] { return false }
        i += 1
    }
    return true
}
