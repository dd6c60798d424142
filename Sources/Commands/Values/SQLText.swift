/// Literals for SQL text built by the bulk writers (seed) and array parameters for `unnest`.
package enum SQLText {
    /// A string literal ('' doubles a quote; standard_conforming_strings is on), or NULL.
    package static func literal(_ value: String?) -> String {
        guard let value else { return "NULL" }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A PostgreSQL array literal of text values for a `$n::text[]` parameter: {"a","b\"c",NULL}.
    static func array(_ values: [String?]) -> String {
        "{" + values.map { value in
            guard let value else { return "NULL" }
            var escaped = "\""
            for character in value {
                if character == "\"" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped + "\""
        }.joined(separator: ",") + "}"
    }
}
