import Stores

/// One command of the marketplace: a small value with its arguments (the acting user among them), its own
/// validation and the SQL it runs inside the transaction `CommandRunner` opens for it.
///
/// ```swift
/// let receipt = try await runner.run(BuyGifticon(gifticonId: 7, buyerId: 42), idempotencyKey: "req-123")
/// ```
public protocol Command: Sendable, Encodable {
    /// The command's name in receipts and idempotency records.
    static var name: String { get }
    /// Checks the arguments alone (no database): throws INVALID_ARGUMENT with the field.
    func validate() throws
    /// Runs inside an open transaction; throws a `CommandError` for a broken rule (the transaction is rolled back).
    func execute(on db: PostgresConnection) throws -> CommandOutcome
}

extension Command {
    public static var name: String { String(describing: Self.self) }
}
