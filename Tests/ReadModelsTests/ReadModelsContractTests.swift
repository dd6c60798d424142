import JSON
import ReadModels
import Stores
import Testing

/// The read models' contract as both sides depend on it: a change here changes what the sync writes and what the
/// gateway reads, so the formats are pinned.
@Suite struct ReadModelsContractTests {
    @Test func appliedPositionRoundTripsAndSortsAsText() throws {
        let lsn = try #require(LSN("16/B374D848"))
        #expect(AppliedPosition.text(lsn) == "00000016B374D848 16/B374D848")
        #expect(AppliedPosition.parse(AppliedPosition.text(lsn)) == lsn)
        #expect(AppliedPosition.parse("not a position") == nil)
        // The Lua guard compares the first 16 characters as text: that order must be the positions' order.
        let positions = ["0/1", "0/FFFFFFFF", "1/0", "A/0", "10/0"].compactMap(LSN.init)
        #expect(positions.map(\.sortableText).sorted() == positions.sorted().map(\.sortableText))
    }

    @Test func searchIndexDefinitionsAreTheOnesTheIndexesWereCreatedWith() throws {
        // Written out as the indexes are created: a mapping change needs a rebuild (the sync refuses an index of an
        // earlier version), so it must be deliberate. Second version: ids and search tokens (issue 12).
        let gifticons = try JSONReader.parse("""
            {"settings":{"number_of_shards":1,"number_of_replicas":0},"mappings":{"properties":{
            "id":{"type":"long"},"name":{"type":"text"},"description":{"type":"text"},"substrings":{"type":"keyword"},
            "nameWords":{"type":"keyword"},"namePrefixes":{"type":"keyword"},"nameSubstrings":{"type":"keyword"},
            "labelWords":{"type":"keyword"},"tagWords":{"type":"keyword"},"status":{"type":"keyword"},"brandId":{"type":"long"},
            "categoryIds":{"type":"long"},"categoryId":{"type":"long"},"sellerId":{"type":"long"},"buyerId":{"type":"long"},"tags":{"type":"keyword"},
            "salePriceCents":{"type":"long"},"createdAt":{"type":"date"},"dueDate":{"type":"date"}}}}
            """)
        let reviews = try JSONReader.parse("""
            {"settings":{"number_of_shards":1,"number_of_replicas":0},"mappings":{"properties":{
            "id":{"type":"long"},"title":{"type":"text"},"content":{"type":"text"},"substrings":{"type":"keyword"},
            "titleWords":{"type":"keyword"},"titlePrefixes":{"type":"keyword"},"titleSubstrings":{"type":"keyword"},
            "rating":{"type":"integer"},"gifticonId":{"type":"long"},
            "reviewerId":{"type":"long"},"sellerId":{"type":"long"},"createdAt":{"type":"date"}}}}
            """)
        #expect(SearchIndexes.gifticonsDefinition.jsonString() == gifticons.jsonString())
        #expect(SearchIndexes.reviewsDefinition.jsonString() == reviews.jsonString())
        #expect(SearchIndexes(prefix: "t_").gifticons == "t_gifticons")
    }

    @Test func redisNamesAndHashFields() {
        let keys = RedisKeys(prefix: "p:")
        #expect(keys.sellerRating("7") == "p:seller:7:rating")
        #expect(keys.appliedPosition == "p:sync:applied-lsn")
        #expect(keys.syncStatus == "p:sync:status")
        // Readers take the summary's fields by position in this order.
        #expect(SellerRatingHash.summaryFields == ["count", "average", "d1", "d2", "d3", "d4", "d5"])
        #expect([SyncStatusHash.position, SyncStatusHash.commitMillis, SyncStatusHash.appliedMillis] == ["lsn", "commitMillis", "appliedMillis"])
    }

    @Test func collectionsAndInstants() {
        #expect(MongoCollections.documents == ["gifticons", "brands", "categories", "users", "tags", "reviews"])
        #expect(MongoCollections.all.last == "sync_dead_letters")
        #expect(ISO8601Time.iso8601(micros: 1_738_326_896_123_456) == "2025-01-31T12:34:56.123456Z")
        #expect(ISO8601Time.iso8601(micros: -1) == "1969-12-31T23:59:59.999999Z")
    }
}
