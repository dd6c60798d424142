import Foundation
import Stores

/// The stack's servers, from the environment `scripts/stack up` writes (loopback defaults otherwise).
enum TestStores {
    static let settings = StoreSettings.fromEnvironment()

    /// A name no other test (or earlier run) uses.
    static func unique(_ prefix: String) -> String {
        "\(prefix)_\(UInt32.random(in: 0...UInt32.max))_\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// A port on loopback where nothing listens: for "server is down" tests.
    static let deadPort = 1
}
