/// One round trip for the rating summaries of many sellers: the sync keeps each in a hash, which MGET cannot read,
/// so a read-only Lua script answers HMGET of every key at once.
enum RatingScript {
    /// The hash fields read, in the order the script answers them.
    static let fields = ["count", "average", "d1", "d2", "d3", "d4", "d5"]

    static let source = """
        local out = {}
        for i, key in ipairs(KEYS) do
            out[i] = redis.call('HMGET', key, 'count', 'average', 'd1', 'd2', 'd3', 'd4', 'd5')
        end
        return out
        """
}
