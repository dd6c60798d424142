import GraphQLEngine
import JSON
import ReadModels
import Stores

/// `Query.users`: public profiles in id order, optionally those whose nickname contains a keyword (any case), paged
/// by id (a keyset: a user registered between two pages neither repeats nor hides one).
enum UserDirectory {
    static func page(keyword: String?, _ page: PageArguments, total: Bool, _ ctx: RequestContext) async throws -> UserPage {
        var conditions: [(String, JSONValue)] = []
        if let keyword, !keyword.isEmpty {
            conditions.append((UserDocument.nickname, ["$regex": .string(regexLiteral(keyword)), "$options": "i"]))
        }
        let matching = JSONValue.object(JSONObject(conditions))
        if let id = page.position?.first {
            conditions.append((DocumentKey.id, .object(JSONObject([(page.backward ? "$lt" : "$gt", id)]))))
        }
        let mongo = ctx.readModels.mongo
        var found = try await ctx.metrics.timeStore("mongo") {
            try await mongo.find(MongoCollections.users, filter: .object(JSONObject(conditions)),
                                 options: ["sort": [DocumentKey.id: page.backward ? -1 : 1], "limit": .int(page.size + 1)])
        }
        let more = found.count > page.size
        found = Array(found.prefix(page.size))
        if page.backward { found.reverse() }
        var count: Int?
        if total {
            let counted = try await ctx.metrics.timeStore("mongo") {
                try await mongo.command(["count": .string(MongoCollections.users), "query": matching])
            }
            count = counted["n"]?.intValue
        }
        let documents = found.map(\.withIDAlias)
        ctx.loaders.ratings.prime(documents.compactMap { $0["id"]?.intValue.map(Int64.init) })
        let cursors = found.map { page.cursor([$0[DocumentKey.id] ?? .null]) }
        return UserPage(documents: documents, cursors: cursors, more: more, page: page, total: count)
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
