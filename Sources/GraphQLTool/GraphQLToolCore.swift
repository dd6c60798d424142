import GraphQLEngine
import JSON

/// The logic of the `graphql` command-line tool, as functions that return what it prints (testable in-process).
public enum GraphQLToolCore {
    public struct Output: Sendable, Equatable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
    }

    /// Why a schema file gives no schema: every error, one a line, as `FILE:LINE:COLUMN: message`.
    struct SchemaFileError: Error {
        let description: String
    }

    static func schemaOrError(_ sdl: String, _ name: String) -> Result<GraphQLSchema, SchemaFileError> {
        do {
            return .success(try buildSchema(sdl, sourceName: name))
        } catch let e as SDLValidationError {
            return .failure(SchemaFileError(description: e.errors.map { located($0, in: name) }.joined(separator: "\n")))
        } catch let e as GraphQLError {
            return .failure(SchemaFileError(description: located(e, in: name)))
        } catch {
            return .failure(SchemaFileError(description: "\(name): \(error)"))
        }
    }

    /// An error as compilers print them, with any further places it names after it.
    static func located(_ error: GraphQLError, in file: String) -> String {
        let places = error.locations.map { "\(file):\($0.line):\($0.column)" }
        guard let first = places.first else { return "\(file): \(error.message)" }
        let others = places.dropFirst()
        return "\(first): \(error.message)" + (others.isEmpty ? "" : " (see also \(others.joined(separator: ", ")))")
    }

    /// `graphql print --schema FILE`
    public static func print(schemaSDL: String, schemaName: String = "schema.graphql") -> Output {
        switch schemaOrError(schemaSDL, schemaName) {
        case .success(let schema): return Output(stdout: printSchema(schema) + "\n", stderr: "", exitCode: 0)
        case .failure(let e): return Output(stdout: "", stderr: e.description + "\n", exitCode: 1)
        }
    }

    /// `graphql introspect --schema FILE`
    public static func introspect(schemaSDL: String, schemaName: String = "schema.graphql") async -> Output {
        switch schemaOrError(schemaSDL, schemaName) {
        case .success(let schema):
            let result = await graphql(schema: schema, source: getIntrospectionQuery(.tool))
            return Output(stdout: result.jsonString() + "\n", stderr: "", exitCode: 0)
        case .failure(let e): return Output(stdout: "", stderr: e.description + "\n", exitCode: 1)
        }
    }

    /// `graphql validate --schema FILE --query FILE`: `[{"message", "locations"}]`, `[]` when valid.
    public static func validate(schemaSDL: String, query: String, schemaName: String = "schema.graphql", queryName: String = "GraphQL request") -> Output {
        let schema: GraphQLSchema
        switch schemaOrError(schemaSDL, schemaName) {
        case .success(let s): schema = s
        case .failure(let e): return Output(stdout: "", stderr: e.description + "\n", exitCode: 1)
        }
        let errors: [GraphQLError]
        do {
            let document = try parse(Source(query, name: queryName))
            errors = validateDocument(schema, document)
        } catch {
            errors = [error]
        }
        let list = JSONValue.array(errors.map { e in
            var o = JSONObject()
            o["message"] = .string(e.message)
            o["locations"] = .array(e.locations.map { .object(JSONObject([("line", .int($0.line)), ("column", .int($0.column))])) })
            return .object(o)
        })
        return Output(stdout: list.jsonString() + "\n", stderr: "", exitCode: 0)
    }

    /// `graphql execute --schema FILE --query FILE [--variables FILE] [--root FILE] [--operation NAME]`
    public static func execute(
        schemaSDL: String, query: String, variablesJSON: String? = nil, rootJSON: String? = nil,
        operationName: String? = nil, schemaName: String = "schema.graphql", queryName: String = "GraphQL request"
    ) async -> Output {
        let schema: GraphQLSchema
        switch schemaOrError(schemaSDL, schemaName) {
        case .success(let s): schema = s
        case .failure(let e): return Output(stdout: "", stderr: e.description + "\n", exitCode: 1)
        }
        var variables: JSONObject?
        if let variablesJSON {
            do {
                switch try JSONReader.parse(variablesJSON) {
                case .object(let o): variables = o
                case .null: variables = nil
                default:
                    let r = ExecutionResult(data: nil, errors: [GraphQLError("Variables must be provided as a JSON object.")])
                    return Output(stdout: r.jsonString() + "\n", stderr: "", exitCode: 0)
                }
            } catch {
                let r = ExecutionResult(data: nil, errors: [GraphQLError("Variables are invalid JSON: \(error)")])
                return Output(stdout: r.jsonString() + "\n", stderr: "", exitCode: 0)
            }
        }
        var root: JSONValue = .null
        if let rootJSON {
            do { root = try JSONReader.parse(rootJSON) } catch {
                return Output(stdout: "", stderr: "root value is invalid JSON: \(error)\n", exitCode: 1)
            }
        }
        let result = await graphql(
            schema: schema, source: query, sourceName: queryName, rootValue: root, variableValues: variables,
            operationName: operationName)
        return Output(stdout: result.jsonString() + "\n", stderr: "", exitCode: 0)
    }
}
