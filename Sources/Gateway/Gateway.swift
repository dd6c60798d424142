/// The Gateway side; see the README's architecture.
