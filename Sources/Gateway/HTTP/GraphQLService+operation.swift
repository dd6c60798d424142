import GraphQLEngine

/// Step 3: the document, parsed and validated once per text (the cache), and the operation the request runs.
extension GraphQLService {
    /// A valid document and the field plans its executions share.
    struct PreparedDocument {
        let document: DocumentNode
        let plans: FieldPlanCache?
    }

    func validate(_ query: String, media: ResponseMediaType) throws(EarlyAnswer) -> PreparedDocument {
        let prepared = documents.prepared(query)
        switch prepared.document {
        case .valid(let document): return PreparedDocument(document: document, plans: prepared.plans)
        case .invalid(let errors): throw EarlyAnswer(response: requestErrors(errors.map(Self.coded), media: media))
        }
    }

    /// The operation `operationName` names, or the only one; graphql-js's messages when there is none to pick.
    func selectOperation(in document: DocumentNode, named operationName: String?,
                         media: ResponseMediaType) throws(EarlyAnswer) -> OperationDefinitionNode {
        let operations = document.definitions.compactMap { definition -> OperationDefinitionNode? in
            if case .operation(let op) = definition { return op }
            return nil
        }
        let operation: OperationDefinitionNode?
        if let name = operationName {
            operation = operations.first { $0.name?.value == name }
            if operation == nil {
                throw EarlyAnswer(response: requestErrors([GatewayError(.badUserInput, "Unknown operation named \"\(name)\".").graphQLError], media: media))
            }
        } else {
            if operations.count > 1 {
                throw EarlyAnswer(response: requestErrors([GatewayError(.badUserInput, "Must provide operation name if query contains multiple operations.").graphQLError], media: media))
            }
            operation = operations.first
        }
        guard let operation else { throw EarlyAnswer(response: plainError(400, "Must provide an operation.", media: media)) }
        return operation
    }

    /// GET is for queries only (it may be cached and replayed by intermediaries).
    func refuseOverGET(_ operation: OperationDefinitionNode, method: GraphQLHTTPRequest.Method,
                       media: ResponseMediaType) throws(EarlyAnswer) {
        guard method == .get, operation.operation != .query else { return }
        var response = plainError(405, "A \(operation.operation.rawValue) cannot be sent with GET; use POST.", media: media)
        response.headers.append(("Allow", "POST"))
        throw EarlyAnswer(response: response)
    }

    /// A document's parse error or rule violation, with a code when the rule gave none.
    static func coded(_ error: GraphQLError) -> GraphQLError {
        if error.extensions.contains(where: { $0.key == "code" }) { return error }
        var e = error
        let code: GatewayErrorCode = error.message.hasPrefix("Syntax Error") ? .parseFailed : .validationFailed
        e.extensions.append(ErrorExtensionEntry("code", .string(code.rawValue)))
        return e
    }
}
