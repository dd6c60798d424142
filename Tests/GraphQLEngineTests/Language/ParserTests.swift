import GraphQLEngine
import JSON
import Testing

/// graphql-js's exact wording (double quotes) and locations, without the oracle.
@Suite("Parser")
struct ParserTests {
    func error(_ source: String, options: ParseOptions = ParseOptions()) -> GraphQLError? {
        do {
            _ = try parse(source, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("{ a }}", "Syntax Error: Unexpected \"}\".", 1, 6),
        ("{ }", "Syntax Error: Expected Name, found \"}\".", 1, 3),
        ("{ a ? }", "Syntax Error: Unexpected character: \"?\".", 1, 5),
        ("{ a(x: \"abc) }", "Syntax Error: Unterminated string.", 1, 15),
        ("{ a(x: \"\\u{FFFFFFFFF}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".", 1, 9),
        ("{ a(x: \"\\uD83D\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 9),
        ("{ a(x: \"\\q\") }", "Syntax Error: Invalid character escape sequence: \"\\q\".", 1, 9),
        ("{ a(x: 01) }", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 9),
        ("{ a(x: 1.) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10),
        ("\n\n  query Q { a(x: $v) } \"", "Syntax Error: Unterminated string.", 3, 25),
        ("{ a 😀 }", "Syntax Error: Unexpected character: U+1F600.", 1, 5),
        ("{ a \"\" }", "Syntax Error: Expected Name, found String \"\".", 1, 5),
        ("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19),
        ("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10),
        ("fragment F { a }", "Syntax Error: Expected \"on\", found \"{\".", 1, 12),
        ("\"d\" query { a }", "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1),
        ("{ a(x: 'b') }", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 8),
        ("{ a\r\n\r\n ! }", "Syntax Error: Expected Name, found \"!\".", 3, 2),
    ] as [(String, String, Int, Int)])
    func syntaxErrors(source: String, message: String, line: Int, column: Int) {
        let error = error(source)
        #expect(error?.message == message)
        #expect(error?.locations == [GraphQLEngine.SourceLocation(line: line, column: column)])
    }

    @Test func surrogatePairsAndVariableWidthEscapes() throws {
        let document = try parse(#"{ a(x: "\uD83D\uDE00 \u{1F600} \u00e9 \n\t\"\\\/") }"#)
        guard case .operation(let operation) = document.definitions[0],
            case .field(let field) = operation.selectionSet.selections[0],
            case .string(let string) = field.arguments[0].value
        else { Issue.record("unexpected shape"); return }
        #expect(string.value == "😀 😀 é \n\t\"\\/")
        #expect(!string.block)
    }

    @Test func blockStringDedent() throws {
        let value = try parseValue("\"\"\"\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"")
        #expect(value == .string(StringValueNode(value: "Hello,\n  World!\n\nYours,\n  GraphQL.", block: true, loc: value.loc)))
        let escaped = try parseValue(#""""a \""" b""""#)
        guard case .string(let string) = escaped else { Issue.record("not a string"); return }
        #expect(string.value == #"a """ b"#)
    }

    @Test func locationsAreByteRanges() throws {
        let text = "{ a(x: \"é\") b }"
        let document = try parse(text)
        guard case .operation(let operation) = document.definitions[0],
            case .field(let field) = operation.selectionSet.selections[1]
        else { Issue.record("unexpected shape"); return }
        #expect(document.loc?.start == 0)
        #expect(operation.selectionSet.loc?.end == text.utf8.count)
        #expect(field.loc?.start == text.utf8.count - 3)
        #expect(field.loc?.startLocation == GraphQLEngine.SourceLocation(line: 1, column: 13))
    }

    @Test func noLocation() throws {
        let document = try parse("{ a { b } }", options: ParseOptions(noLocation: true))
        #expect(document.loc == nil)
        #expect(document == (try parse("{a{b}}", options: ParseOptions(noLocation: true))))
    }

    @Test func maxTokens() {
        let error = error("{ a b c d }", options: ParseOptions(maxTokens: 3))
        #expect(error?.message == "Syntax Error: Document contains more than 3 tokens. Parsing aborted.")
        #expect(self.error("{ a b c d }", options: ParseOptions(maxTokens: 6)) == nil)
    }

    @Test func maxDepth() {
        let deep = String(repeating: "{ a ", count: 300) + String(repeating: "}", count: 300)
        let error = error(deep)
        #expect(error?.message == "Syntax Error: Document exceeds the maximum nesting depth of 256. Parsing aborted.")
        #expect(self.error(deep, options: ParseOptions(maxDepth: 400)) == nil)
        let deepList = "{ a(x: " + String(repeating: "[", count: 100_000) + "1" + String(repeating: "]", count: 100_000) + ") }"
        #expect(self.error(deepList)?.message.contains("maximum nesting depth") == true)
        let deepType = "query ($v: " + String(repeating: "[", count: 100_000) + "Int" + String(repeating: "]", count: 100_000) + ") { a }"
        #expect(self.error(deepType)?.message.contains("maximum nesting depth") == true)
    }

    @Test func parseTypeAndValue() throws {
        #expect(printType(try parseType("[String!]!")) == "[String!]!")
        #expect(printValue(try parseValue("{a: [1, $b, \"c\"]}")) == "{a: [1, $b, \"c\"]}")
        #expect(throws: GraphQLError.self) { try parseConstValue("$a") }
    }

    @Test func errorJSON() {
        let error = error("{")
        #expect(error?.jsonString == #"{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":2}]}"#)
    }
}

/// Node locations (computed while lexing) agree with a scan of the source, on every node of the corpus.
@Suite("Locations")
struct LocationTests {
    @Test func nodeLocationsMatchSourceScan() throws {
        var sources = try ["kitchen-sink.graphql", "schema-kitchen-sink.graphql"].map(LanguageCorpus.read)
        // The hand-written cases' valid documents (the others are ParserDifferentialTests' concern); every other
        // source here parses, so a failure is an issue, not a skip.
        sources += LanguageCases.documents.filter { (try? parse($0)) != nil }
        sources.append("\u{FEFF}# é comment\r\n{ a(x: \"é😀\", y: \"\"\"\n é\r\n\"\"\") \r b }")
        var checked = 0
        for text in sources {
            let document: DocumentNode
            do { document = try parse(text) } catch {
                Issue.record("\(error.message) in \(String(reflecting: String(text.prefix(300))))")
                continue
            }
            let source = Source(text)
            visit(document, Visitor(enter: { node, _ in
                if let loc = node.loc {
                    #expect(loc.startLocation == source.location(at: loc.start), "\(node.kind) in \(text)")
                    checked += 1
                }
                return .continue
            }))
        }
        #expect(checked > 500)
    }
}
