import Crypto
import Foundation

/// The GraphiQL IDE, served at `GET /graphql` to a browser: a page that loads GraphiQL's files (the gateway's own
/// copies or pinned CDN ones, see `GraphiQLAssets`), each with its integrity hash, and opens the editor on a search
/// in Korean. Its Content-Security-Policy lets it run only those files and its own script, and talk only to this
/// origin.
struct GraphiQLPage: Sendable {
    let html: [UInt8]
    let contentSecurityPolicy: String

    /// Mounts GraphiQL 2 with React 17's API; the fetcher posts to the path the page was served from.
    static let script = """
        const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
        const defaultQuery = `# 검색: 이름, 브랜드, 카테고리, 태그에서 찾습니다 (Korean search over name, brand, category, tags).
        {
          gifticons(query: "커피", first: 5) {
            totalCount
            nodes { id name price { salePrice } brand { name } }
            pageInfo { endCursor hasNextPage }
          }
        }
        `;
        ReactDOM.render(
          React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
          document.getElementById('graphiql'));
        """

    init(assets: GraphiQLAssets) {
        let tags = assets.files.map { file in
            file.name.hasSuffix(".css")
                ? #"  <link rel="stylesheet" href="\#(file.href)" integrity="\#(file.integrity)" crossorigin="anonymous">"#
                : #"  <script src="\#(file.href)" integrity="\#(file.integrity)" crossorigin="anonymous"></script>"#
        }
        html = Array("""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>gifticon GraphiQL</title>
              <link rel="icon" href="data:,">
              <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
            \(tags.joined(separator: "\n"))
            </head>
            <body>
              <div id="graphiql">Loading GraphiQL…</div>
              <script>\(Self.script)</script>
            </body>
            </html>

            """.utf8)
        let files = assets.servedLocally ? "'self'" : "https://cdn.jsdelivr.net"
        let scriptHash = Data(SHA256.hash(data: Data(Self.script.utf8))).base64EncodedString()
        contentSecurityPolicy = [
            "default-src 'none'", "script-src \(files) 'sha256-\(scriptHash)'", "style-src \(files) 'unsafe-inline'",
            "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'",
            "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }
}
