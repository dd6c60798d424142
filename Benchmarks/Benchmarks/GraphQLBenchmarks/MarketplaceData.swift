/// A marketplace-shaped schema and in-memory data, the same for both engines: plain `[String: any Sendable]`
/// dictionaries, which both default resolvers read.
enum MarketplaceData {
    static let sdl = """
        type Query { listings(first: Int = 100): [Listing!]! }
        type Listing {
          id: ID!
          title: String!
          price: Int!
          faceValue: Int
          discountRate: Float
          status: Status!
          onSale: Boolean!
          expiresAt: String
          brand: Brand!
          seller: Seller
        }
        enum Status { ON_SALE SOLD EXPIRED }
        type Brand { id: ID! name: String! logo: String }
        type Seller { id: ID! nickname: String! rating: Float verified: Boolean! }
        """

    static let query = """
        query Listings($first: Int) {
          listings(first: $first) {
            id title price faceValue discountRate status onSale expiresAt
            brand { id name logo }
            seller { id nickname rating verified }
          }
        }
        """

    static func root(items: Int) -> [String: any Sendable] {
        var listings: [any Sendable] = []
        listings.reserveCapacity(items)
        let statuses = ["ON_SALE", "SOLD", "EXPIRED"]
        for i in 0..<items {
            let brand: [String: any Sendable] = ["id": "b\(i % 7)", "name": "Brand \(i % 7)", "logo": "https://cdn.example/b\(i % 7).png"]
            let seller: [String: any Sendable] = ["id": "s\(i)", "nickname": "seller\(i)", "rating": 4.5, "verified": i % 2 == 0]
            listings.append([
                "id": "g\(i)", "title": "Gifticon \(i)", "price": 1000 + i, "faceValue": 1500 + i,
                "discountRate": 0.25, "status": statuses[i % 3], "onSale": i % 3 == 0,
                "expiresAt": "2026-12-31T00:00:00Z", "brand": brand, "seller": seller,
            ] as [String: any Sendable])
        }
        return ["listings": listings]
    }
}
