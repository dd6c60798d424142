/// A syntax error at a byte offset of a source: the message is "Syntax Error: " + `description`.
public func syntaxError(_ source: Source, _ position: Int, _ description: String) -> GraphQLError {
    GraphQLError("Syntax Error: " + description, source: source, positions: [position])
}
