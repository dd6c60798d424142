/// A document of `tags`.
public enum TagDocument {
    public static let name = "name", slug = "slug"
}
