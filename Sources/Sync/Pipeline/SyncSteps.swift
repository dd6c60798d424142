import Synchronization

/// Where a sync's time goes: each step of applying the stream (decoding, MongoDB's writes and reads, the search
/// index's read-back and bulk, Redis, publishing and confirming positions) timed where it happens. Totals are kept
/// for benchmarks; an observer (the sync's /metrics) records every measurement in a histogram per step.
public final class SyncSteps: Sendable {
    public enum Step: String, CaseIterable, Sendable {
        /// Decoding pgoutput messages (or Kafka records) into row changes.
        case decode
        /// The document projector's `update`/`delete` commands.
        case mongoWrites = "mongo_writes"
        /// The document projector's reads of the documents a run embeds (users, brands, categories, tags).
        case referenceReads = "reference_reads"
        /// The search projector's reads of what to index: documents by id, renames' fan-outs, category names.
        case searchReadBack = "search_read_back"
        /// The search projector's `_bulk` requests.
        case searchBulk = "search_bulk"
        /// The seller-rating projector's Redis commands.
        case redis
        /// Publishing the applied position to Redis (what consistency tokens wait for).
        case positionPublish = "position_publish"
        /// Confirming the position to PostgreSQL's slot (or committing Kafka offsets).
        case confirm
        /// A whole run: every projector applying it, side by side (the projectors' steps overlap inside it).
        case run
    }

    public struct Total: Sendable, Equatable {
        public var count = 0
        public var duration = Duration.zero
    }

    public typealias Observer = @Sendable (Step, Duration) -> Void
    /// Told every store request as it is sent (the bare-store ceiling benchmark replays them).
    public typealias Recorder = @Sendable (StoreOperation) -> Void

    private let totals = Mutex([Step: Total]())
    private let observer: Observer?
    private let recorder: Recorder?

    public init(observer: Observer? = nil, recorder: Recorder? = nil) {
        self.observer = observer
        self.recorder = recorder
    }

    /// Every step's count and time so far.
    public var recorded: [Step: Total] { totals.withLock { $0 } }

    public func record(_ step: Step, _ duration: Duration) {
        totals.withLock { $0[step, default: Total()].count += 1; $0[step, default: Total()].duration += duration }
        observer?(step, duration)
    }

    public func measure<T>(_ step: Step, _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { record(step, ContinuousClock.now - start) }
        return try await body()
    }

    /// Times a store request, handing it to the recorder if there is one.
    public func measure<T>(_ step: Step, _ operation: @autoclosure () -> StoreOperation, _ body: () async throws -> T) async rethrows -> T {
        recorder?(operation())
        return try await measure(step, body)
    }

    public func measure<T>(_ step: Step, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer { record(step, ContinuousClock.now - start) }
        return try body()
    }
}
