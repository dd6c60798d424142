/// The Sync side; see the README's architecture.
