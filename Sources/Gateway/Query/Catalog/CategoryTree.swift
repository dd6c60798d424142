import GraphQLEngine
import JSON
import ReadModels

/// The category documents of one request, indexed by id and by parent.
struct CategoryTree: Sendable {
    let byId: [Int: JSONValue]
    let childrenByParent: [Int: [JSONValue]]
    let all: [JSONValue]

    init(_ documents: [JSONValue]) {
        all = documents
        var byId: [Int: JSONValue] = [:]
        var children: [Int: [JSONValue]] = [:]
        for document in documents {
            guard let id = document["id"]?.intValue else { continue }
            byId[id] = document
            children[document[CategoryDocument.parentId]?.intValue ?? 0, default: []].append(document)
        }
        self.byId = byId
        childrenByParent = children
    }

    /// The top level (no parent).
    var roots: [JSONValue] { childrenByParent[0] ?? [] }

    func children(of id: Int) -> [JSONValue] { childrenByParent[id] ?? [] }

    /// Its ancestors from the top down, then itself.
    func path(to id: Int) -> [JSONValue] {
        guard let node = byId[id] else { return [] }
        let ancestors = (node[CategoryDocument.ancestorIds]?.arrayValue ?? []).compactMap { $0.intValue.flatMap { byId[$0] } }
        return ancestors + [node]
    }

    /// Every category document, by id (one read: the tree is small, three levels of a catalog).
    static func fetchAll(_ readModels: ReadModelStores, _ metrics: GatewayMetrics?) async throws -> [JSONValue] {
        let all = try await metrics.timeStore("mongo") {
            try await readModels.mongo.find(MongoCollections.categories, filter: [:], options: ["sort": [DocumentKey.id: 1]])
        }
        return all.map(\.withIDAlias)
    }
}
