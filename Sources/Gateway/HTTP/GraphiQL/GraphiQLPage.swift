import Crypto
import Foundation

/// The GraphiQL IDE, served at `GET /graphql` to a browser: a page that loads GraphiQL's files (the gateway's own
/// copies or pinned CDN ones, see `GraphiQLAssets`), each with its integrity hash, and opens the editor on a search
/// in Korean. Its Content-Security-Policy lets it run only those files and its own script, and talk only to this
/// origin.
struct GraphiQLPage: Sendable {
    let html: [UInt8]
    let contentSecurityPolicy: String

    /// Mounts GraphiQL 2 with React 17's API; the fetcher posts to the path the page was served from, and runs a
    /// subscription as Server-Sent Events from the same path (each event's result replaces the response pane's until
    /// the run is stopped, which closes the stream).
    static let script = """
        const http = GraphiQL.createFetcher({ url: window.location.pathname });
        async function* events(params, headers) {
          const abort = new AbortController();
          try {
            const response = await fetch(window.location.pathname, { method: 'POST', signal: abort.signal, body: JSON.stringify(params),
              headers: Object.assign({}, headers, { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' }) });
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) return;
              buffer += value;
              for (let end = buffer.indexOf('\\n\\n'); end >= 0; end = buffer.indexOf('\\n\\n')) {
                const lines = buffer.slice(0, end).split('\\n');
                buffer = buffer.slice(end + 2);
                const name = (lines.find(l => l.startsWith('event:')) || '').slice(6).trim();
                const data = lines.filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\\n');
                if (name === 'complete') return;
                if (name === 'next' && data) yield JSON.parse(data);
              }
            }
          } finally {
            abort.abort();
          }
        }
        const isSubscription = (params) => {
          const text = String(params.query || '').replace(/#[^\\n]*/g, '');
          return params.operationName
            ? new RegExp('\\\\bsubscription\\\\s+' + params.operationName + '\\\\b').test(text)
            : /^\\s*subscription\\b/.test(text);
        };
        const fetcher = (params, opts) =>
          isSubscription(params) ? events(params, opts && opts.headers) : http(params, opts);
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
