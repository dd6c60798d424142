import JSON
import Testing
@testable import GraphQLEngine

@Suite("Built-in scalars (graphql-js coercion rules)")
struct ScalarsTests {
    func message(_ body: () throws -> JSONValue) -> String? {
        do { _ = try body(); return nil } catch let e as GraphQLError { return e.message } catch { return "\(error)" }
    }

    @Test func intSerialize() throws {
        #expect(try GraphQLInt.serialize(1) == .int(1))
        #expect(try GraphQLInt.serialize(true) == .int(1))
        #expect(try GraphQLInt.serialize(2.0) == .int(2))
        #expect(try GraphQLInt.serialize("12") == .int(12))
        #expect(message { try GraphQLInt.serialize(1.5) } == "Int cannot represent non-integer value: 1.5")
        #expect(message { try GraphQLInt.serialize("abc") } == "Int cannot represent non-integer value: \"abc\"")
        #expect(message { try GraphQLInt.serialize(1 << 40) } == "Int cannot represent non 32-bit signed integer value: 1099511627776")
    }

    @Test func intParseValue() {
        #expect(message { try GraphQLInt.parseValue(.double(1.5)) } == "Int cannot represent non-integer value: 1.5")
        #expect(message { try GraphQLInt.parseValue(.string("1")) } == "Int cannot represent non-integer value: \"1\"")
        #expect(message { try GraphQLInt.parseValue(.bool(true)) } == "Int cannot represent non-integer value: true")
        #expect(message { try GraphQLInt.parseValue(.int(3_000_000_000)) } == "Int cannot represent non 32-bit signed integer value: 3000000000")
        #expect((try? GraphQLInt.parseValue(.double(4))) == .int(4))
    }

    @Test func floatStringBooleanID() throws {
        #expect(try GraphQLFloat.serialize(2) == .double(2))
        #expect(message { try GraphQLFloat.parseValue(.string("1")) } == "Float cannot represent non numeric value: \"1\"")
        #expect(try GraphQLString.serialize(true) == .string("true"))
        #expect(try GraphQLString.serialize(1.5) == .string("1.5"))
        #expect(message { try GraphQLString.parseValue(.int(1)) } == "String cannot represent a non string value: 1")
        #expect(message { try GraphQLBoolean.parseValue(.int(1)) } == "Boolean cannot represent a non boolean value: 1")
        #expect(try GraphQLBoolean.serialize(0) == .bool(false))
        #expect(try GraphQLID.serialize(12) == .string("12"))
        #expect(try GraphQLID.parseValue(.int(7)) == .string("7"))
        #expect(message { try GraphQLID.parseValue(.bool(true)) } == "ID cannot represent value: true")
        #expect(message { try GraphQLID.parseValue(.double(1.5)) } == "ID cannot represent value: 1.5")
    }

    @Test func literals() {
        #expect(message { try GraphQLInt.parseLiteral(.float(FloatValueNode(value: "1.5")), nil) } == "Int cannot represent non-integer value: 1.5")
        #expect(message { try GraphQLString.parseLiteral(.enum(EnumValueNode(value: "FOO")), nil) } == "String cannot represent a non string value: FOO")
        #expect(message { try GraphQLID.parseLiteral(.float(FloatValueNode(value: "1.5")), nil) } == "ID cannot represent a non-string and non-integer value: 1.5")
        #expect((try? GraphQLFloat.parseLiteral(.int(IntValueNode(value: "3")), nil)) == .double(3))
    }

    @Test func enumCoercion() {
        let color = GraphQLEnumType(name: "Color", values: [GraphQLEnumValue(name: "RED"), GraphQLEnumValue(name: "GREEN")])
        #expect(message { try color.parseValue(.string("READ")) } == "Value \"READ\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?")
        #expect(message { try color.parseValue(.int(1)) } == "Enum \"Color\" cannot represent non-string value: 1.")
        #expect((try? color.serialize("GREEN")) == .string("GREEN"))
    }

    @Test func suggestions() {
        #expect(suggestionList("nam", ["name", "names", "id", "nickname"]) == ["name", "names"])
        #expect(didYouMean(["a", "b", "c"]) == " Did you mean \"a\", \"b\", or \"c\"?")
    }
}
