import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `gifticon-bench ceiling`: the ceiling of the gateway-overhead benchmark. A plain Hummingbird server,
/// configured as the gateway's, whose `GET /graphql` answers the bytes of a file (the gateway's own response to the
/// benchmarked query) with no GraphQL work at all: what the HTTP layer alone costs for the same response.
struct BenchCeilingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceiling", abstract: "Serve a file's bytes as GET /graphql (the gateway benchmark's ceiling).")

    @Option(help: "The response body to serve.")
    var body: String

    @Option(help: "Content type of the body.")
    var contentType = "application/graphql-response+json"

    @Option(help: "Port.")
    var port = 8081

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    func run() async throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: body))
        let buffer = ByteBuffer(bytes: bytes)
        let contentType = self.contentType
        let router = Router()
        router.get("/graphql") { _, _ in
            Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: buffer))
        }
        var logger = Logger(label: "gifticon.bench-ceiling")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "gifticon-gateway"),
            logger: logger)
        try await app.runService()
    }
}
