/// A document of `categories`: one node of the category tree, with its ancestors from the top down.
public enum CategoryDocument {
    public static let name = "name", slug = "slug", level = "level", description = "description", imageUrl = "imageUrl"
    /// The parent's id, null at the top level.
    public static let parentId = "parentId"
    /// Every ancestor's id from the top level down (a category's search filter matches its whole subtree).
    public static let ancestorIds = "ancestorIds"
}
