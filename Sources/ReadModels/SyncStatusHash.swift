/// The fields of the sync's status hash (`RedisKeys.syncStatus`), written with every applied position.
public enum SyncStatusHash {
    /// The applied position as PostgreSQL prints it.
    public static let position = "lsn"
    /// That transaction's commit time (ms since the epoch); 0 when the position moved on an idle stream or a snapshot.
    public static let commitMillis = "commitMillis"
    /// When every read model had it (ms since the epoch, Redis's clock).
    public static let appliedMillis = "appliedMillis"
}
