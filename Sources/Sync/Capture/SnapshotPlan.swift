/// The order the embedded sync's chunked snapshot reads the tables in, and each one's key.
///
/// Reference tables come first, so a gifticon's chunk finds its seller, brand, category and tags in the read model;
/// categories by level, so a parent precedes its children. A gifticon's price, images and tags are read with it,
/// in the same chunk, so each gifticon document is built whole from one consistent read.
public struct SnapshotPlan: Sendable {
    public struct Step: Sendable {
        public var table: String
        /// The columns the table is read in the order of (a unique key): a chunk resumes after the last one read.
        public var key: [String]
        /// Tables read with each chunk: the rows whose `parent` column falls in the chunk's range of `key[0]`, by
        /// parent, then as stored.
        public var children: [(table: String, parent: String)]

        public init(_ table: String, key: [String] = ["id"], children: [(table: String, parent: String)] = []) {
            self.table = table
            self.key = key
            self.children = children
        }
    }

    public var steps: [Step]

    public init(_ steps: [Step]) { self.steps = steps }

    /// The gifticon schema's tables (`SyncPipeline.tables`, each read once).
    public static let gifticon = SnapshotPlan([
        Step("users"), Step("brands"), Step("categories", key: ["level", "id"]), Step("tags"),
        Step("gifticons", children: [("gifticon_prices", "gifticon_id"), ("gifticon_images", "gifticon_id"), ("gifticon_tags", "gifticon_id")]),
        Step("reviews"),
    ])
}
