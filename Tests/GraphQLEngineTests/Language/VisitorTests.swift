import GraphQLEngine
import Testing

@Suite("Visitor")
struct VisitorTests {
    @Test func entersAndLeavesInDocumentOrder() throws {
        let document = try parse("query Q($v: Int) { a(x: $v) @d { b } ...F } fragment F on T { c }")
        final class Log { var lines: [String] = [] }
        let log = Log()
        visit(document, Visitor(
            enter: { node, _ in log.lines.append("enter \(node.kind.rawValue)"); return .continue },
            leave: { node, _ in log.lines.append("leave \(node.kind.rawValue)"); return .continue }))
        #expect(log.lines.first == "enter Document")
        #expect(log.lines.last == "leave Document")
        let entered = log.lines.filter { $0.hasPrefix("enter") }.map { $0.dropFirst(6) }
        #expect(Array(entered.prefix(12)) == [
            "Document", "OperationDefinition", "Name", "VariableDefinition", "Variable", "Name", "NamedType", "Name",
            "SelectionSet", "Field", "Name", "Argument",
        ])
        #expect(log.lines.filter { $0.hasPrefix("enter") }.count == log.lines.filter { $0.hasPrefix("leave") }.count)
    }

    @Test func skipAndBreak() throws {
        let document = try parse("{ a { b } c { d } }")
        final class Names { var values: [String] = [] }
        let names = Names()
        visit(document, Visitor(enter: { node, _ in
            if case .field(let field) = node {
                names.values.append(field.name.value)
                if field.name.value == "a" { return .skip }
                if field.name.value == "d" { return .break }
            }
            return .continue
        }))
        #expect(names.values == ["a", "c", "d"])
    }

    @Test func parallelVisitorsAndAncestors() throws {
        let document = try parse("{ a { b { c } } }")
        final class Depths { var values: [String: Int] = [:]; var count = 0 }
        let depths = Depths()
        let first = Visitor(enter: { node, context in
            if case .field(let f) = node { depths.values[f.name.value] = context.ancestors.count }
            return .continue
        })
        let second = Visitor(enter: { node, _ in
            if case .field = node { depths.count += 1; return .skip }
            return .continue
        })
        visit(document, visitInParallel([first, second]))
        #expect(depths.values == ["a": 3, "b": 5, "c": 7])
        #expect(depths.count == 1)
    }
}
