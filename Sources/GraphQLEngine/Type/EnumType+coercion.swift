import JSON

extension GraphQLEnumType {
    /// The enum value name for a resolved value (a name string or an internal value).
    public func serialize(_ output: any Sendable) throws -> JSONValue {
        let json: JSONValue
        if let s = output as? String { json = .string(s) } else if let j = anyToJSONValue(output) { json = j } else {
            throw GraphQLError("Enum \"\(name)\" cannot represent value: \(inspect(output))")
        }
        if let v = value(for: json) { return .string(v.name) }
        throw GraphQLError("Enum \"\(name)\" cannot represent value: \(inspect(output))")
    }

    public func parseValue(_ input: JSONValue) throws -> JSONValue {
        guard case .string(let s) = input else {
            let str = inspect(input)
            throw GraphQLError("Enum \"\(name)\" cannot represent non-string value: \(str)." + didYouMeanEnumValue(str))
        }
        guard let v = value(named: s) else {
            throw GraphQLError("Value \"\(s)\" does not exist in \"\(name)\" enum." + didYouMeanEnumValue(s))
        }
        return v.value
    }

    public func parseLiteral(_ node: ValueNode) throws -> JSONValue {
        guard case .enum(let e) = node else {
            let str = printValueLiteral(node)
            throw GraphQLError("Enum \"\(name)\" cannot represent non-enum value: \(str)." + didYouMeanEnumValue(str), nodes: [node])
        }
        guard let v = value(named: e.value) else {
            throw GraphQLError("Value \"\(e.value)\" does not exist in \"\(name)\" enum." + didYouMeanEnumValue(e.value), nodes: [node])
        }
        return v.value
    }

    func didYouMeanEnumValue(_ unknown: String) -> String {
        didYouMean(suggestionList(unknown, values.map(\.name)), subMessage: "the enum value")
    }
}
