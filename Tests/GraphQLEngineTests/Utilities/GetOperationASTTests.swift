import Testing
@testable import GraphQLEngine

/// Operation selection: what `execute` and the gateway answer for missing, ambiguous and unknown operations.
@Suite("getOperationAST")
struct GetOperationASTTests {
    @Test("the only operation, or the named one")
    func picks() throws {
        let single = try parse("fragment F on Query { a } { a }")
        #expect((try? getOperationAST(single).get())?.selectionSet.selections.count == 1)
        let two = try parse("query A { a } query B { b }")
        #expect((try? getOperationAST(two, operationName: "B").get())?.name?.value == "B")
    }

    @Test("graphql-js's errors: no operation, several without a name, an unknown name")
    func errors() throws {
        let fragmentsOnly = try parse("fragment F on Query { a }")
        #expect(getOperationAST(fragmentsOnly).failure == .noOperation)
        #expect(getOperationAST(fragmentsOnly).failure?.message == "Must provide an operation.")
        let two = try parse("query A { a } query B { b }")
        #expect(getOperationAST(two).failure?.message == "Must provide operation name if query contains multiple operations.")
        #expect(getOperationAST(two, operationName: "C").failure?.message == "Unknown operation named \"C\".")
        #expect(getOperationAST(fragmentsOnly, operationName: "C").failure == .unknownOperationName("C"))
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
