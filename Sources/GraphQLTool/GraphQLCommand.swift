import ArgumentParser
import Foundation
import GraphQLEngine

/// `graphql`: print, introspect, validate and execute against a schema file.
@main
struct GraphQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphql",
        abstract: "Inspect GraphQL schemas and run documents against them.",
        subcommands: [Print.self, Introspect.self, Validate.self, Execute.self])

    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the schema's SDL as graphql-js's printSchema does.")
        @Option(help: "Schema SDL file.") var schema: String
        func run() async throws { try emit(GraphQLToolCore.print(schemaSDL: readFile(schema), schemaName: schema)) }
    }

    struct Introspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the standard introspection query and print {\"data\": ...}.")
        @Option(help: "Schema SDL file.") var schema: String
        func run() async throws { try emit(await GraphQLToolCore.introspect(schemaSDL: readFile(schema), schemaName: schema)) }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a document; print a JSON array of errors ([] when valid).")
        @Option(help: "Schema SDL file.") var schema: String
        @Option(help: "Document file.") var query: String
        func run() async throws {
            try emit(GraphQLToolCore.validate(schemaSDL: readFile(schema), query: readFile(query), schemaName: schema, queryName: query))
        }
    }

    struct Execute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Execute a document; print the JSON response.")
        @Option(help: "Schema SDL file.") var schema: String
        @Option(help: "Document file.") var query: String
        @Option(help: "Variables JSON file.") var variables: String?
        @Option(help: "Root value JSON file.") var root: String?
        @Option(help: "Operation name.") var operation: String?
        func run() async throws {
            try emit(await GraphQLToolCore.execute(
                schemaSDL: readFile(schema), query: readFile(query),
                variablesJSON: try variables.map(readFile), rootJSON: try root.map(readFile),
                operationName: operation, schemaName: schema, queryName: query))
        }
    }
}

func readFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        throw ExitCode(1)
    }
    return String(decoding: data, as: UTF8.self)
}

func emit(_ output: GraphQLToolCore.Output) throws {
    if !output.stdout.isEmpty { FileHandle.standardOutput.write(Data(output.stdout.utf8)) }
    if !output.stderr.isEmpty { FileHandle.standardError.write(Data(output.stderr.utf8)) }
    if output.exitCode != 0 { throw ExitCode(output.exitCode) }
}
