import Crypto
import Foundation
import Testing
@testable import Gateway

/// GraphiQL as a developer meets it: the page loads the gateway's own pinned copies of GraphiQL's files (each with
/// its integrity hash) and, in a real headless Chromium that cannot reach the internet, renders its editor and runs a
/// query that returns data from the read models. Without a folder the page names pinned CDN files with their hashes.
/// Serialized: two headless Chromiums at once never rendered the editor here (each alone takes 2 s).
@Suite(.serialized) struct GraphiQLPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder `scripts/stack up` installs GraphiQL's files into.
    static func assetsFolder() throws -> String {
        guard let folder = ProcessInfo.processInfo.environment["GATEWAY_GRAPHIQL_ASSETS"], !folder.isEmpty else {
            throw HarnessError("GATEWAY_GRAPHIQL_ASSETS is not set: run the tests through scripts/test (it reads .stack/env)")
        }
        return folder
    }

    @Test func aQueryRunFromThePageInChromiumReturnsDataWithNoInternet() async throws {
        let folder = try Self.assetsFolder()
        // The payload waits for the sync (its first snapshot included) as the other payload tests do: up to 30 s on a
        // machine loaded by the rest of the suite.
        try await withGateway(sync: true, configure: { $0.graphiqlAssets = folder; $0.consistencyTimeout = .seconds(30) }) { gateway in
            let admin = gateway.token(user: 1, admin: true)
            let created = try await gateway.graphql(#"mutation { createBrand(input: {name: "공차", slug: "gongcha"}) { brand { name } } }"#, token: admin)
            #expect(dig(created.data, "createBrand.brand.name") as? String == "공차", "\(created.text)")

            let report = try await Self.openInChromium("http://127.0.0.1:\(gateway.port)/graphql", query: "{ brands { name slug } }")
            #expect(report["editorRendered"] as? Bool == true, "\(report)")
            let response = try JSONSerialization.jsonObject(with: Data((report["response"] as? String ?? "").utf8))
            let brands = dig(response, "data.brands") as? [[String: Any]] ?? []
            #expect(brands.contains { $0["name"] as? String == "공차" && $0["slug"] as? String == "gongcha" }, "\(report)")
            let requested = report["requested"] as? [String] ?? []
            #expect(requested.contains("http://127.0.0.1:\(gateway.port)/graphiql/graphiql.min.js"), "\(requested)")
            let elsewhere = requested.filter { !$0.hasPrefix("http://127.0.0.1:\(gateway.port)/") && !$0.hasPrefix("data:") }
            #expect(elsewhere.isEmpty, "the page reached outside the gateway: \(elsewhere)")
            #expect((report["failed"] as? [String] ?? []).isEmpty, "\(report)")
            #expect((report["errors"] as? [String] ?? []).isEmpty, "no exceptions, console errors, refused scripts or CSP violations: \(report)")
        }
    }

    @Test func aSubscriptionRunFromThePageShowsTheNextChange() async throws {
        let folder = try Self.assetsFolder()
        try await withGateway(sync: true, configure: { $0.graphiqlAssets = folder; $0.consistencyTimeout = .seconds(30) }) { gateway in
            let market = try await SubscriptionTests.market(gateway)
            let report = try await Self.openInChromium(
                "http://127.0.0.1:\(gateway.port)/graphql",
                query: #"subscription { gifticonChanged(id: "\#(market.listing)") { price { salePrice } } }"#, waitFor: "3300.00"
            ) {
                // The page's subscription is open (over SSE from the page): the change is committed after it.
                try await gateway.waitForSubscriptions(1)
                try await SubscriptionTests.reprice(gateway, market, "3300")
            }
            let response = try JSONSerialization.jsonObject(with: Data((report["response"] as? String ?? "").utf8))
            #expect(dig(response, "data.gifticonChanged.price.salePrice") as? String == "3300.00", "\(report)")
            #expect((report["failed"] as? [String] ?? []).isEmpty, "\(report)")
            #expect((report["errors"] as? [String] ?? []).isEmpty, "no exceptions, console errors or CSP violations: \(report)")
        }
    }

    @Test func servesItsOwnFilesWithMatchingIntegrityAndNothingElse() async throws {
        let folder = try Self.assetsFolder()
        try await withGateway(configure: { $0.graphiqlAssets = folder }) { gateway in
            let page = try await gateway.send("GET", headers: ["Accept": "text/html"])
            #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/html") == true)
            let policy = page.header("Content-Security-Policy") ?? ""
            #expect(policy.contains("script-src 'self' 'sha256-") && policy.contains("connect-src 'self'") && !policy.contains("http"), "\(policy)")
            let references = Self.references(in: page.text)
            #expect(references.map(\.href) == ["/graphiql/graphiql.min.css", "/graphiql/react.production.min.js",
                                               "/graphiql/react-dom.production.min.js", "/graphiql/graphiql.min.js"])
            for reference in references {
                let file = try await gateway.send("GET", path: reference.href)
                #expect(file.status == 200 && file.body.count > 10_000, "\(reference.href)")
                #expect(file.header("X-Content-Type-Options") == "nosniff")
                let digest = "sha256-" + Data(SHA256.hash(data: file.body)).base64EncodedString()
                #expect(reference.integrity == digest, "\(reference.href): the page's integrity must be the served bytes' hash")
            }
            #expect(try await gateway.send("GET", path: "/graphiql/graphiql.min.js").header("Content-Type")?.hasPrefix("text/javascript") == true)
            for path in ["/graphiql/other.js", "/graphiql/..%2F..%2FPackage.swift", "/graphiql/.installed", "/graphiql/"] {
                #expect(try await gateway.send("GET", path: path).status == 404, "\(path)")
            }
        }
    }

    @Test func withoutAFolderThePageNamesPinnedCDNFilesWithIntegrity() async throws {
        try await withGateway { gateway in
            let page = try await gateway.send("GET", headers: ["Accept": "text/html"])
            let references = Self.references(in: page.text)
            #expect(references.map(\.href) == [
                "https://cdn.jsdelivr.net/npm/graphiql@2.4.7/graphiql.min.css",
                "https://cdn.jsdelivr.net/npm/react@17.0.2/umd/react.production.min.js",
                "https://cdn.jsdelivr.net/npm/react-dom@17.0.2/umd/react-dom.production.min.js",
                "https://cdn.jsdelivr.net/npm/graphiql@2.4.7/graphiql.min.js",
            ], "pinned versions, never a floating @3 or @18")
            #expect(references.allSatisfy { $0.integrity.hasPrefix("sha256-") && $0.integrity.count == 51 })
            #expect(page.header("Content-Security-Policy")?.contains("script-src https://cdn.jsdelivr.net 'sha256-") == true)
            #expect(try await gateway.send("GET", path: "/graphiql/graphiql.min.js").status == 404, "nothing is served locally")
        }
    }

    @Test func aFolderWithoutGraphiQLsFilesIsRefusedNamingTheFile() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("graphiql-empty-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            _ = try GraphiQLAssets.load(folder: empty.path)
        } throws: { error in
            "\(error)".contains("graphiql.min.css") && "\(error)".contains("GATEWAY_GRAPHIQL_ASSETS")
        }
    }

    /// The stylesheet and script references of a page, in order.
    static func references(in html: String) -> [(href: String, integrity: String)] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]+)" integrity="([^"]+)""#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            (String(html[Range(match.range(at: 1), in: html)!]), String(html[Range(match.range(at: 2), in: html)!]))
        }
    }

    /// Runs Tests/browser/graphiql_in_chromium.py (Debian's chromium, driven over the DevTools protocol) and decodes
    /// its report; `during` runs while the page is open (with `waitFor`, the page waits for its response to show that
    /// text: a subscription's event `during` caused).
    static func openInChromium(_ url: String, query: String, waitFor: String? = nil,
                               during: () async throws -> Void = {}) async throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/browser/graphiql_in_chromium.py").path, url, query, "--timeout", "90"]
            + (waitFor.map { ["--wait-for", $0] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reading = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
        try await during()
        let data = await reading.value
        process.waitUntilExit()
        guard let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw HarnessError("the browser driver printed no report (exit \(process.terminationStatus)): \(String(decoding: data, as: UTF8.self))")
        }
        return report
    }
}
