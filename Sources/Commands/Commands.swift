/// The Commands side; see the README's architecture.
