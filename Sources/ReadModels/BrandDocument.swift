/// A document of `brands`.
public enum BrandDocument {
    public static let name = "name", slug = "slug", description = "description", logoUrl = "logoUrl", website = "website"
}
