extension Migration {
    /// Idempotency keys belong to their caller: two users may use the same key, and neither can replay nor block the
    /// other's request. Keys stored before this migration belong to caller 0 (no caller).
    static let v4IdempotencyKeysPerCaller = Migration(version: 4, name: "idempotency keys per caller", sql: #"""
        ALTER TABLE idempotency_keys ADD COLUMN caller bigint NOT NULL DEFAULT 0;
        ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
        ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (caller, key);
        """#)
}
