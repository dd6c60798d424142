import Logging
import ReadModels
import Stores

/// The embedded sync as `gifticon sync` runs it: every read model's projector on one change stream, and the
/// reset that `gifticon sync rebuild` starts from.
public struct SyncPipeline: Sendable {
    /// The tables the read models are made from (the publication `gifticon_changes` holds them).
    public static let tables = [
        "users", "brands", "categories", "tags", "gifticons", "gifticon_prices", "gifticon_images", "gifticon_tags", "reviews",
    ]
    public static let publication = "gifticon_changes"

    public let databaseURL: String
    public let slot: String
    public let mongo: MongoClient
    public let search: SearchClient
    public let redis: RedisClient
    public let indexes: SearchIndexes
    public let keys: RedisKeys
    /// Refresh the search index after each write (tests; production leaves refreshes to the index's interval).
    public let refreshSearch: Bool
    /// Rows of a table per chunk of the snapshot (a gifticon's price, images and tags come with it). At most 5,000:
    /// a chunk's rows are numbered within its position in four hex digits (`position(ofChangeAt:)`).
    public var snapshotChunkRows = 1_000 {
        didSet { snapshotChunkRows = min(max(1, snapshotChunkRows), 5_000) }
    }

    public init(databaseURL: String, slot: String = "gifticon_sync", mongo: MongoClient, search: SearchClient, redis: RedisClient,
                indexes: SearchIndexes = .standard, keys: RedisKeys = RedisKeys(), refreshSearch: Bool = false) {
        self.databaseURL = databaseURL
        self.slot = slot
        self.mongo = mongo
        self.search = search
        self.redis = redis
        self.indexes = indexes
        self.keys = keys
        self.refreshSearch = refreshSearch
    }

    /// Documents and seller ratings side by side, then the search index (it reads the documents). A change a
    /// projector cannot apply goes to the dead letters and the stream goes on.
    public func projectorStages(logger: Logger, metrics: SyncMetrics = SyncMetrics()) -> [[any Projector]] {
        let deadLetters = DeadLetters(mongo: mongo, logger: logger, metrics: metrics)
        let steps = metrics.steps
        return [
            [deadLetters.guarding(DocumentProjector(mongo: mongo, steps: steps)),
             deadLetters.guarding(SellerRatingProjector(redis: redis, keys: keys, steps: steps))],
            [deadLetters.guarding(SearchProjector(mongo: mongo, search: search, indexes: indexes, refresh: refreshSearch, steps: steps))],
        ]
    }

    public func stream(logger: Logger = Logger(label: "gifticon.sync"), metrics: SyncMetrics = SyncMetrics()) async throws -> ChangeStream {
        // The applied position is first published once the whole snapshot is in: a slot without it means a run was
        // stopped mid-snapshot, and streaming on would leave the read models without the rest of the snapshot.
        let positions = AppliedPositionPublisher(redis: redis, keys: keys)
        let progress = SnapshotProgress(redis: redis, keys: keys)
        if try slotExists() {
            let published = try await positions.current()
            switch (published, try await progress.load()) {
            case (nil, nil):
                // Killed between the slot's creation and the snapshot's first saved progress (or left by an older
                // version, whose snapshots could not resume).
                logger.warning("the slot has neither a complete snapshot nor a snapshot's progress: starting over from a new snapshot")
                try await resetReadModels()
            case (.some, .some):
                try await progress.clear()  // the snapshot was complete; clearing its progress did not land
            default:
                break  // streaming on, or resuming the snapshot after its last applied chunk
            }
            // Complete read models whose search indexes are gone or empty beside MongoDB's documents (a search
            // server that keeps them in memory was restarted): streaming on would serve an empty search for good.
            if published != nil, try await searchLostItsIndexes() {
                logger.warning("the search indexes are gone though the read models were complete: rebuilding every read model from a new snapshot")
                try await resetReadModels()
            }
        }
        try await indexes.ensure(search)
        try await ensureMongoIndexes()
        return ChangeStream(url: databaseURL, slot: slot, publication: Self.publication, tables: Self.tables,
                            stages: projectorStages(logger: logger, metrics: metrics), positions: positions, metrics: metrics,
                            snapshot: .chunked(progress, plan: .gifticon, rowsPerChunk: snapshotChunkRows),
                            notices: ChangeNotices(redis: redis, keys: keys), logger: logger)
    }

    /// `gifticon sync relay`: the same capture, publishing to Kafka instead of projecting; the slot is confirmed once
    /// the broker acknowledged. Its own published position (under `<prefix>relay:`) tells a finished snapshot from
    /// one interrupted midway, which is published again from a new slot.
    public func relay(producer: KafkaProducer, topics: KafkaTopics, logger: Logger = Logger(label: "gifticon.sync.relay"),
                      metrics: SyncMetrics = SyncMetrics()) async throws -> ChangeStream {
        // Made with their partitions before the first record: auto-created topics would get the broker's default.
        try await producer.ensureTopics(topics.all, partitions: topics.partitions)
        let positions = AppliedPositionPublisher(redis: redis, keys: RedisKeys(prefix: keys.prefix + "relay:"))
        if try slotExists(), try await positions.current() == nil {
            logger.warning("the previous relay stopped before its snapshot was published: starting over from a new snapshot")
            try dropSlot()
        }
        return ChangeStream(url: databaseURL, slot: slot, publication: Self.publication, tables: Self.tables,
                            projectors: [KafkaRelay(producer: producer, topics: topics, database: databaseName)],
                            positions: positions, metrics: metrics, logger: logger)
    }

    /// `gifticon sync project --from kafka`: every read model's projector fed from the relay's topics.
    public func kafkaProjection(brokers: String, groupID: String, member: String? = nil, topics: KafkaTopics,
                                logger: Logger = Logger(label: "gifticon.sync.kafka"),
                                metrics: SyncMetrics = SyncMetrics()) async throws -> KafkaProjection {
        try await indexes.ensure(search)
        try await ensureMongoIndexes()
        return KafkaProjection(brokers: brokers, groupID: groupID, member: member, topics: topics, stages: projectorStages(logger: logger, metrics: metrics),
                               positions: AppliedPositionPublisher(redis: redis, keys: keys), notices: ChangeNotices(redis: redis, keys: keys),
                               metrics: metrics, logger: logger)
    }

    /// Whether an index is missing, or empty while MongoDB has documents for it.
    func searchLostItsIndexes() async throws -> Bool {
        for (index, collection) in [(indexes.gifticons, MongoCollections.gifticons), (indexes.reviews, MongoCollections.reviews)] {
            guard try await search.indexExists(index) else { return true }
            let entries = try await search.request("GET", "/\(index)/_count")["count"]?.int64 ?? 0
            if entries == 0, try await !mongo.find(collection, filter: [:], options: ["limit": 1, "projection": [DocumentKey.id: 1]]).isEmpty {
                return true
            }
        }
        return false
    }

    /// The database's name in the URL (Debezium's `source.db`).
    var databaseName: String {
        let path = databaseURL.split(separator: "?").first.map(String.init) ?? databaseURL
        return path.split(separator: "/").last.map(String.init) ?? "gifticon"
    }

    func slotExists() throws -> Bool {
        let admin = try PostgresConnection(url: databaseURL)
        defer { admin.close() }
        return try !admin.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1", [slot]).rows.isEmpty
    }

    /// The fields renames fan out by and the gateway filters on: without indexes every fan-out scans the collection.
    public func ensureMongoIndexes() async throws {
        let keys = [GifticonDocument.sellerId, GifticonDocument.brandId, GifticonDocument.categoryId,
                    "\(GifticonDocument.tags).\(GifticonDocument.Embedded.id)", GifticonDocument.status]
        _ = try await mongo.command([
            "createIndexes": .string(MongoCollections.gifticons),
            "indexes": .array(keys.map { key in ["key": [key: 1], "name": .string("by_\(key)")] }),
        ])
        _ = try await mongo.command([
            "createIndexes": .string(MongoCollections.reviews),
            "indexes": .array([ReviewDocument.sellerId, ReviewDocument.gifticonId].map { key in
                ["key": [key: 1], "name": .string("by_\(key)")]
            }),
        ])
    }

    /// Empties every read model and drops the replication slot, so the next run starts from a new snapshot.
    /// The sync must not be running. Safe to interrupt at any point: the applied position goes first (a slot
    /// without it makes the next run reset again) and the slot goes last.
    public func resetReadModels() async throws {
        try refuseActiveSlot()
        _ = try await redis.command("DEL", keys.appliedPosition)
        try await emptyReadModels()
        try dropSlot()
    }

    /// Drops every collection and search index and deletes every Redis key under the prefix (the slot stays).
    public func emptyReadModels() async throws {
        for collection in MongoCollections.all { try await mongo.drop(collection) }
        try await search.deleteIndex(indexes.gifticons)
        try await search.deleteIndex(indexes.reviews)
        var cursor = "0"
        repeat {
            let reply = try await redis.command("SCAN", cursor, "MATCH", keys.prefix + "*", "COUNT", "500")
            guard let parts = reply.array, parts.count == 2 else { break }
            cursor = parts[0].string ?? "0"
            let found = (parts[1].array ?? []).compactMap(\.string)
            if !found.isEmpty { _ = try await redis.command(["DEL"] + found) }
        } while cursor != "0"
    }

    private func refuseActiveSlot() throws {
        let admin = try PostgresConnection(url: databaseURL)
        defer { admin.close() }
        let active = try admin.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1 AND active", [slot])
        if !active.rows.isEmpty {
            throw StoreError(.postgres, .rejected, "the replication slot \(slot) is in use: stop the running sync before a rebuild")
        }
    }

    /// Drops the slot (not while a sync streams from it), so the next run starts from a new snapshot.
    func dropSlot() throws {
        try refuseActiveSlot()
        let admin = try PostgresConnection(url: databaseURL)
        defer { admin.close() }
        _ = try admin.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [slot])
    }
}
