import Logging

/// Runs `ExpireGifticons` on a schedule, so that a listing past its due date leaves the shop front without anyone
/// running a command. Any number of instances may run it at once: the UPDATE re-checks each row under its row lock,
/// so every listing expires once, in one transaction, one change event each.
public struct ExpirySchedule: Sendable {
    public let runner: CommandRunner
    public let interval: Duration

    public init(runner: CommandRunner, interval: Duration = .seconds(60)) {
        self.runner = runner
        self.interval = interval
    }

    /// Expires what is due now, then every `interval` until cancelled; a failed run is logged and retried at the next.
    public func run(logger: Logger, onExpired: @Sendable ([Int64]) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do {
                let receipt = try await runner.run(ExpireGifticons())
                let expired = receipt.affectedIds["gifticons"] ?? []
                if !expired.isEmpty {
                    logger.info("expired listings past their due date", metadata: [
                        "count": "\(expired.count)", "consistency-token": "\(receipt.consistencyToken)"])
                    onExpired(expired)
                }
            } catch {
                logger.warning("expiring listings failed; next try in \(interval)", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
