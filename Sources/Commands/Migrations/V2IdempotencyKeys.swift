extension Migration {
    /// Idempotency keys: the first call's outcome per key, written in the command's own transaction, and its
    /// consistency token, written right after its commit. Not captured by the sync.
    static let v2IdempotencyKeys = Migration(version: 2, name: "idempotency keys", sql: #"""
        CREATE TABLE idempotency_keys (
            key varchar(255) CONSTRAINT idempotency_keys_pkey PRIMARY KEY,
            command varchar(100) NOT NULL,
            request_hash char(32) NOT NULL,
            outcome jsonb NOT NULL,
            consistency_token pg_lsn,
            created_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT idempotency_keys_key_check CHECK (key <> '')
        );
        CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
        """#)
}
