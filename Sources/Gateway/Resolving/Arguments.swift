import Commands
import Foundation
import GraphQLEngine
import JSON

/// Reading argument values into the values the stores and commands take; bad values are BAD_USER_INPUT.
enum Arguments {
    /// A database id given as an `ID` (string or integer).
    static func id(_ value: JSONValue?, field: String) throws -> Int64 {
        switch value {
        case .string(let text)?: if let id = Int64(text), id > 0 { return id }
        case .int(let number)?: if number > 0 { return Int64(number) }
        default: break
        }
        throw GatewayError.badInput("\(field) must be a positive integer id, got \(value.map { "\($0)" } ?? "nothing").", field: field)
    }

    static func optionalId(_ value: JSONValue?, field: String) throws -> Int64? {
        guard let value, !value.isNull else { return nil }
        return try id(value, field: field)
    }

    static func ids(_ value: JSONValue?, field: String) throws -> [Int64]? {
        guard let list = value?.arrayValue else { return nil }
        return try list.map { try id($0, field: field) }
    }

    /// A `Decimal` (text, or a number a client sent as one) as an exact amount.
    static func amount(_ value: JSONValue?, field: String) throws -> Amount? {
        guard let value, !value.isNull else { return nil }
        let text: String
        switch value {
        case .string(let s): text = s
        case .int(let i): text = String(i)
        // The number's shortest round-trip text ("5000.125", "4500.5"), so a third decimal is refused as it is in a
        // string, never rounded away.
        case .double(let d): text = "\(d)"
        default: throw GatewayError.badInput("\(field) must be a decimal amount such as \"4500.00\".", field: field)
        }
        guard let amount = Amount(text) else {
            throw GatewayError.badInput("\(field) must be a decimal amount with at most two decimals, got \"\(text)\".", field: field)
        }
        return amount
    }
}
