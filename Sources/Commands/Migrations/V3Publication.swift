extension Migration {
    /// The publication the sync subscribes to with pgoutput (wal2json ignores it): every table the read models need.
    static let v3Publication = Migration(version: 3, name: "publication for the sync", sql: #"""
        CREATE PUBLICATION gifticon_changes FOR TABLE
            users, brands, categories, tags, gifticons, gifticon_prices, gifticon_images, gifticon_tags,
            gifticon_likes, reviews;
        """#)
}
