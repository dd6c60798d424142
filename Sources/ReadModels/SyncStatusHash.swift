/// The fields of the sync's status hash (`RedisKeys.syncStatus`), written with every applied position.
public enum SyncStatusHash {
    /// The applied position as PostgreSQL prints it.
    public static let position = "lsn"
    /// That transaction's commit time (ms since the epoch); 0 when the position moved on an idle stream or a snapshot.
    public static let commitMillis = "commitMillis"
    /// When every read model had it (ms since the epoch, Redis's clock).
    public static let appliedMillis = "appliedMillis"
    /// How far the command database's WAL had come when the sync last reported (as PostgreSQL prints it): with
    /// `position`, how far the read models are behind; equal when caught up.
    public static let heardPosition = "heardLsn"
    /// When the sync last reported (ms since the epoch, Redis's clock): every few seconds while it runs, busy or idle.
    public static let reportedMillis = "reportedMillis"
}
