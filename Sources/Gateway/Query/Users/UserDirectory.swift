import GraphQLEngine
import JSON
import ReadModels
import Stores

/// `Query.users`: public profiles in id order, optionally those whose nickname contains a keyword (any case).
enum UserDirectory {
    static func page(keyword: String?, _ page: PageArguments, _ ctx: RequestContext) async throws -> UserPage {
        var filter: JSONValue = [:]
        if let keyword, !keyword.isEmpty {
            filter = [UserDocument.nickname: ["$regex": .string(regexLiteral(keyword)), "$options": "i"]]
        }
        let mongo = ctx.readModels.mongo
        let found = try await ctx.metrics.timeStore("mongo") {
            try await mongo.find(MongoCollections.users, filter: filter,
                                 options: ["sort": [DocumentKey.id: 1], "skip": .int(page.offset), "limit": .int(page.size)])
        }
        let counted = try await ctx.metrics.timeStore("mongo") {
            try await mongo.command(["count": .string(MongoCollections.users), "query": filter])
        }
        let total = counted["n"]?.intValue ?? page.offset + found.count
        let documents = found.map(\.withIDAlias)
        ctx.loaders.ratings.prime(documents.compactMap { $0["id"]?.intValue.map(Int64.init) })
        return UserPage(documents: documents, total: total, offset: page.offset)
    }

    /// A keyword matched literally inside a MongoDB regular expression.
    static func regexLiteral(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
