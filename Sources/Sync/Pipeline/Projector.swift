/// A read model kept up to date from committed transactions.
///
/// `apply` must be idempotent and order-safe: the same transaction may arrive again after a crash (the slot is
/// confirmed only after every projector acknowledged), and each write must be a no-op when the stored state already
/// reflects this WAL position or a later one.
public protocol Projector: Sendable {
    var name: String { get }
    func apply(_ transaction: CommittedTransaction) async throws
}
