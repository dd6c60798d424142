// The `graphql` tool: see GraphQLCommand.swift (lands with the parser).
print("graphql: not built yet")
