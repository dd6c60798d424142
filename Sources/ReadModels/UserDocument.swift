/// A document of `users`: the public profile only (no username or e-mail: the read side never shows them).
public enum UserDocument {
    public static let nickname = "nickname", profileImageUrl = "profileImageUrl", createdAt = "createdAt"
}
