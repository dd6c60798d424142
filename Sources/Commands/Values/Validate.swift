/// Argument checks shared by the commands (and the seed); each throws INVALID_ARGUMENT naming the field.
package enum Validate {
    /// Lengths count Unicode scalars, as PostgreSQL's `varchar(n)` counts characters (a letter with a combining
    /// accent is one Swift Character but two there), so a value that passes here always fits its column. U+0000
    /// cannot be stored at all.
    static func text(_ value: String, field: String, max: Int = 255) throws {
        guard !value.allSatisfy(\.isWhitespace) else { throw CommandError.invalid(field, "\(field) is required") }
        try optionalText(value, field: field, max: max)
    }

    static func optionalText(_ value: String?, field: String, max: Int = 1024) throws {
        guard let value else { return }
        guard value.unicodeScalars.count <= max else { throw CommandError.invalid(field, "\(field) is at most \(max) characters") }
        guard !value.utf8.contains(0) else { throw CommandError.invalid(field, "\(field) contains a NUL character (U+0000)") }
    }

    static func slug(_ value: String, field: String = "slug") throws {
        try text(value, field: field)
        guard !value.contains(where: { $0.isWhitespace || $0.isUppercase }) else {
            throw CommandError.invalid(field, "a slug has no spaces or capitals")
        }
    }

    static func id(_ value: Int64, field: String) throws {
        guard value > 0 else { throw CommandError.invalid(field, "\(field) must be a positive id") }
    }

    /// A calendar date written yyyy-MM-dd.
    package static func date(_ value: String, field: String) throws {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, (1...9999).contains(year)
        else { throw CommandError.invalid(field, "\(field) must be a date written yyyy-MM-dd") }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { throw CommandError.invalid(field, "\(field) is not a calendar date") }
    }
}
