extension Duration {
    /// The duration in whole milliseconds, as store clients' options take timeouts.
    public var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
