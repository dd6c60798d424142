import Commands
import GraphQLEngine
import JSON

/// `Mutation`: each field checks the caller, turns its `input` into one command of `Sources/Commands`, runs it and
/// answers with the new id and the receipt. The acting user is always the token's `sub`, never taken from input.
/// The catalog (brands, categories, tags) is the marketplace operator's: changing it needs the admin role.
enum MutationResolvers {
    static var resolvers: [String: GraphQLFieldResolver] {
        [
            "registerGifticon": mutation("gifticonId") { input, user in
                let price = try PriceInput.read(input["price"])
                let images = (input["images"]?.arrayValue ?? []).map { image in
                    RegisterGifticon.Image(url: image["url"]?.stringValue ?? "", altText: image["altText"]?.stringValue,
                                           isPrimary: image["isPrimary"]?.boolValue ?? false)
                }
                return RegisterGifticon(
                    sellerId: user, brandId: try Arguments.id(input["brandId"], field: "brandId"),
                    categoryId: try Arguments.id(input["categoryId"], field: "categoryId"),
                    name: input["name"]?.stringValue ?? "", slug: input["slug"]?.stringValue,
                    description: input["description"]?.stringValue ?? "", dueDate: input["dueDate"]?.stringValue ?? "",
                    price: price, images: images, tagIds: try Arguments.ids(input["tagIds"], field: "tagIds") ?? [])
            },
            "changeGifticonPrice": mutation("gifticonId") { input, user in
                ChangePrice(gifticonId: try Arguments.id(input["gifticonId"], field: "gifticonId"), sellerId: user,
                            price: try PriceInput.read(input["price"]))
            },
            "buyGifticon": mutation("gifticonId") { input, user in
                BuyGifticon(gifticonId: try Arguments.id(input["gifticonId"], field: "gifticonId"), buyerId: user)
            },
            "cancelGifticon": mutation("gifticonId") { input, user in
                CancelListing(gifticonId: try Arguments.id(input["gifticonId"], field: "gifticonId"), sellerId: user)
            },
            "useGifticon": mutation("gifticonId") { input, user in
                UseGifticon(gifticonId: try Arguments.id(input["gifticonId"], field: "gifticonId"), buyerId: user)
            },
            "writeReview": mutation("reviewId") { input, user in
                WriteReview(gifticonId: try Arguments.id(input["gifticonId"], field: "gifticonId"), reviewerId: user,
                            rating: input["rating"]?.intValue ?? 0, title: input["title"]?.stringValue ?? "",
                            content: input["content"]?.stringValue ?? "")
            },
            "registerUser": mutation("userId") { input, _ in
                RegisterUser(username: input["username"]?.stringValue ?? "", nickname: input["nickname"]?.stringValue ?? "",
                             profileImageUrl: input["profileImageUrl"]?.stringValue)
            },
            "createBrand": mutation("brandId", role: .admin) { input, _ in
                CreateBrand(name: input["name"]?.stringValue ?? "", slug: input["slug"]?.stringValue ?? "",
                            description: input["description"]?.stringValue, logoUrl: input["logoUrl"]?.stringValue,
                            website: input["website"]?.stringValue)
            },
            "createCategory": mutation("categoryId", role: .admin) { input, _ in
                CreateCategory(name: input["name"]?.stringValue ?? "", slug: input["slug"]?.stringValue ?? "",
                               parentId: try Arguments.optionalId(input["parentId"], field: "parentId"),
                               description: input["description"]?.stringValue, imageUrl: input["imageUrl"]?.stringValue)
            },
            "createTag": mutation("tagId", role: .admin) { input, _ in
                CreateTag(name: input["name"]?.stringValue ?? "", slug: input["slug"]?.stringValue ?? "")
            },
        ]
    }
}
