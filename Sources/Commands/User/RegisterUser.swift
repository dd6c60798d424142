import Stores

/// Registers a user. The username is unique (CONFLICT on `username`).
public struct RegisterUser: Command {
    public var username: String
    public var nickname: String
    public var profileImageUrl: String?

    public init(username: String, nickname: String, profileImageUrl: String? = nil) {
        self.username = username
        self.nickname = nickname
        self.profileImageUrl = profileImageUrl
    }

    public func validate() throws {
        try Validate.text(username, field: "username")
        try Validate.text(nickname, field: "nickname")
        try Validate.optionalText(profileImageUrl, field: "profileImageUrl")
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let row = try db.query(
            "INSERT INTO users (username, nickname, profile_image_url) VALUES ($1, $2, $3) RETURNING id, version",
            [username, nickname, profileImageUrl])
        return .entity("users", id: try row.int64("id"), version: try row.int64("version"))
    }
}
