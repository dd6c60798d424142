/// What a token's `roles` claim can grant beyond acting as its own user.
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// The marketplace operator: the catalog (brands, categories, tags) is theirs to change.
    case admin
}
