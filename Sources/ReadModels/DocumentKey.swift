/// Members every document has.
public enum DocumentKey {
    /// The row's id (an integer), MongoDB's primary key. The API calls it `id`.
    public static let id = "_id"
    /// The WAL position of the last change applied to the document (sortable text): writes older than it are no-ops.
    public static let position = "_lsn"
}
