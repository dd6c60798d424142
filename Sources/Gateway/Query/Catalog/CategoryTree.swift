import GraphQLEngine
import ReadModels

/// The category documents of one request, indexed by id and by parent.
struct CategoryTree: Sendable {
    let byId: [Int: GraphJSON]
    let childrenByParent: [Int: [GraphJSON]]
    let all: [GraphJSON]

    init(_ documents: [GraphJSON]) {
        all = documents
        var byId: [Int: GraphJSON] = [:]
        var children: [Int: [GraphJSON]] = [:]
        for document in documents {
            guard let id = document["id"]?.intValue else { continue }
            byId[id] = document
            children[document[CategoryDocument.parentId]?.intValue ?? 0, default: []].append(document)
        }
        self.byId = byId
        childrenByParent = children
    }

    /// The top level (no parent).
    var roots: [GraphJSON] { childrenByParent[0] ?? [] }

    func children(of id: Int) -> [GraphJSON] { childrenByParent[id] ?? [] }

    /// Its ancestors from the top down, then itself.
    func path(to id: Int) -> [GraphJSON] {
        guard let node = byId[id] else { return [] }
        let ancestors = (node[CategoryDocument.ancestorIds]?.listValue ?? []).compactMap { $0.intValue.flatMap { byId[$0] } }
        return ancestors + [node]
    }

    /// Every category document, by id (one read: the tree is small, three levels of a catalog).
    static func fetchAll(_ readModels: ReadModelStores, _ metrics: GatewayMetrics?) async throws -> [GraphJSON] {
        let all = try await metrics.timeStore("mongo") {
            try await readModels.mongo.find(MongoCollections.categories, filter: [:], options: ["sort": [DocumentKey.id: 1]])
        }
        return all.map(\.graphJSON)
    }
}
