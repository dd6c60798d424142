import Crypto
import Foundation

/// The files GraphiQL's page loads: GraphiQL 2 on React 17, as UMD builds. With `GATEWAY_GRAPHIQL_ASSETS` naming a
/// folder that holds them (`scripts/stack up` installs the pinned build PyPI's `graphene-django-graphiql-static`
/// 0.8 ships into `.stack/graphiql`), the gateway serves them itself under `/graphiql/`, so the page works with no
/// internet; each carries its integrity hash, computed when the gateway starts. Without the folder the page names
/// pinned CDN copies, each with the hash its published bytes have, so a changed CDN file is refused, not run.
public struct GraphiQLAssets: Sendable {
    public struct File: Sendable {
        public let name: String
        public let contentType: String
        /// Where the page loads it from: `/graphiql/<name>` or the CDN.
        public let href: String
        /// `sha256-<base64>` (Subresource Integrity).
        public let integrity: String
        /// The bytes the gateway serves; nil for a CDN file.
        public let bytes: [UInt8]?
    }

    public enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        public var description: String {
            switch self {
            case .missing(let path):
                "GATEWAY_GRAPHIQL_ASSETS: \(path) is missing or unreadable (the folder must hold \(GraphiQLAssets.pinned.map(\.name).joined(separator: ", ")); `scripts/stack up` installs them into .stack/graphiql)"
            }
        }
    }

    /// The path the gateway serves local files under.
    public static let pathPrefix = "/graphiql/"

    /// Stylesheet first, then the scripts in the order they must run. The CDN copies and their hashes: react and
    /// react-dom 17.0.2 (the same bytes as the PyPI build's), GraphiQL 2.4.7.
    static let pinned: [(name: String, contentType: String, cdn: String, integrity: String)] = [
        ("graphiql.min.css", "text/css; charset=utf-8",
         "https://cdn.jsdelivr.net/npm/graphiql@2.4.7/graphiql.min.css", "sha256-OsbM+LQHcnFHi0iH7AUKueZvDcEBoy/z4hJ7jx1cpsM="),
        ("react.production.min.js", "text/javascript; charset=utf-8",
         "https://cdn.jsdelivr.net/npm/react@17.0.2/umd/react.production.min.js", "sha256-Ipu/TQ50iCCVZBUsZyNJfxrDk0E2yhaEIz0vqI+kFG8="),
        ("react-dom.production.min.js", "text/javascript; charset=utf-8",
         "https://cdn.jsdelivr.net/npm/react-dom@17.0.2/umd/react-dom.production.min.js", "sha256-nbMykgB6tsOFJ7OdVmPpdqMFVk4ZsqWocT6issAPUF0="),
        ("graphiql.min.js", "text/javascript; charset=utf-8",
         "https://cdn.jsdelivr.net/npm/graphiql@2.4.7/graphiql.min.js", "sha256-n/LKaELupC1H/PU6joz+ybeRJHT2xCdekEt6OYMOOZU="),
    ]

    public let files: [File]
    /// Whether the gateway serves the files (a folder was given) or the page names the CDN.
    public var servedLocally: Bool { files.first?.bytes != nil }

    /// The CDN copies.
    public static let cdn = GraphiQLAssets(files: pinned.map {
        File(name: $0.name, contentType: $0.contentType, href: $0.cdn, integrity: $0.integrity, bytes: nil)
    })

    init(files: [File]) { self.files = files }

    /// The files in `folder`, read once; nil folder: the CDN copies.
    public static func load(folder: String?) throws -> GraphiQLAssets {
        guard let folder, !folder.isEmpty else { return cdn }
        let directory = URL(fileURLWithPath: folder, isDirectory: true)
        return GraphiQLAssets(files: try pinned.map { file in
            let path = directory.appendingPathComponent(file.name).path
            guard let data = FileManager.default.contents(atPath: path) else { throw LoadError.missing(path) }
            let digest = Data(SHA256.hash(data: data)).base64EncodedString()
            return File(name: file.name, contentType: file.contentType, href: pathPrefix + file.name,
                        integrity: "sha256-\(digest)", bytes: Array(data))
        })
    }

    /// A served file by its name under `/graphiql/`; nil for any other name (no paths, no directory walking).
    public func served(_ name: Substring) -> File? {
        files.first { $0.bytes != nil && $0.name == name }
    }
}
