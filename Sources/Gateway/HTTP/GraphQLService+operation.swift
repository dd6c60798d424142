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

    /// The operation `operationName` names, or the only one (the engine's `getOperationAST`, graphql-js's messages).
    func selectOperation(in document: DocumentNode, named operationName: String?,
                         media: ResponseMediaType) throws(EarlyAnswer) -> OperationDefinitionNode {
        switch getOperationAST(document, operationName: operationName) {
        case .success(let operation): return operation
        case .failure(.noOperation):
            throw EarlyAnswer(response: plainError(400, OperationSelectionError.noOperation.message, media: media))
        case .failure(let error):
            throw EarlyAnswer(response: requestErrors([GatewayError(.badUserInput, error.message).graphQLError], media: media))
        }
    }

    /// GET is for queries only (it may be cached and replayed by intermediaries).
    func refuseOverGET(_ operation: OperationDefinitionNode, method: GraphQLHTTPRequest.Method,
                       media: ResponseMediaType) throws(EarlyAnswer) {
        guard method == .get, operation.operation != .query else { return }
        var response = plainError(405, "A \(operation.operation.rawValue) cannot be sent with GET; use POST.", media: media)
        response.headers.append(("Allow", "POST"))
        throw EarlyAnswer(response: response)
    }

    /// A subscription answers with a stream: over plain HTTP it is refused, saying how to open one.
    func refuseSubscription(_ operation: OperationDefinitionNode, media: ResponseMediaType) throws(EarlyAnswer) {
        guard operation.operation == .subscription else { return }
        throw EarlyAnswer(response: requestErrors([GatewayError(.badRequest, """
            A subscription answers with a stream: send it with Accept: text/event-stream (Server-Sent Events), or over a \
            WebSocket to /graphql (subprotocol graphql-transport-ws).
            """).graphQLError], media: media))
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
