/// Picks the operation a request runs, as graphql-js's `getOperationAST`: the one named `operationName`, or the
/// document's only operation when no name is given. Unlike graphql-js (which answers `null`), it says why no
/// operation was picked, in the words of graphql-js's `execute`; `execute` and the HTTP gateway both use it.
///
/// ```swift
/// switch getOperationAST(document, operationName: "Q") {
/// case .success(let operation): ...
/// case .failure(let error): ...answer with error.message
/// }
/// ```
public func getOperationAST(
    _ document: DocumentNode, operationName: String? = nil
) -> Result<OperationDefinitionNode, OperationSelectionError> {
    var operation: OperationDefinitionNode?
    for case .operation(let candidate) in document.definitions {
        if let operationName {
            // The last of equally named operations, as graphql-js's `execute` (validation rejects such documents).
            if candidate.name?.value == operationName { operation = candidate }
        } else if operation != nil {
            return .failure(.multipleOperationsWithoutName)
        } else {
            operation = candidate
        }
    }
    if let operation { return .success(operation) }
    if let operationName { return .failure(.unknownOperationName(operationName)) }
    return .failure(.noOperation)
}

/// Why `getOperationAST` picked no operation.
public enum OperationSelectionError: Error, Equatable, Sendable {
    /// The document holds no operation.
    case noOperation
    /// No operation name was given and the document holds more than one operation.
    case multipleOperationsWithoutName
    /// No operation of the document has the given name.
    case unknownOperationName(String)

    /// graphql-js's message for the case.
    public var message: String {
        switch self {
        case .noOperation: return "Must provide an operation."
        case .multipleOperationsWithoutName: return "Must provide operation name if query contains multiple operations."
        case .unknownOperationName(let name): return "Unknown operation named \"\(name)\"."
        }
    }
}
