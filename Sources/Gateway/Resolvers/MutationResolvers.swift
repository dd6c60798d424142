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
                let price = try priceInput(input["price"])
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
                            price: try priceInput(input["price"]))
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

    /// A mutation field: authenticate (and authorize, when it needs a role), build the command from `input`, run it,
    /// answer `{ <idField> receipt }`.
    static func mutation<C: Command>(_ idField: String, role: Role? = nil,
                                     _ build: @escaping @Sendable (JSONObject, Int64) throws -> C) -> GraphQLFieldResolver {
        .async { _, args, context, _ in
            let ctx = GraphQLResolveInfo.context(context)
            let user = try role.map(ctx.caller.actingUser(with:)) ?? ctx.caller.actingUser()
            guard let commands = ctx.commands else { throw GatewayError(.internal, "This gateway runs without the command side.") }
            let command = try build(args["input"]?.objectValue ?? JSONObject(), user)
            let receipt: Receipt
            do {
                receipt = try await commands.run(command, idempotencyKey: ctx.idempotencyKey)
            } catch let error as CommandError {
                throw error.gatewayError.withLog(error, ctx)
            }
            ctx.logger.info("command committed", metadata: [
                "command": "\(receipt.command)", "id": "\(receipt.id.map(String.init) ?? "-")", "user": "\(user)",
                "token": "\(receipt.consistencyToken)",
            ])
            return JSONValue.object(JSONObject([
                (idField, receipt.id.map { .string(String($0)) } ?? .null),
                ("receipt", .object(JSONObject([
                    ("command", .string(receipt.command)),
                    ("consistencyToken", .string(receipt.consistencyToken.description)),
                    ("version", receipt.version.map { .int(Int($0)) } ?? .null),
                    ("replayed", .bool(receipt.replayed)),
                ]))),
            ]))
        }
    }

    static func priceInput(_ value: JSONValue?) throws -> Price {
        guard let price = value?.objectValue else { throw GatewayError.badInput("price is required.", field: "price") }
        guard let base = try Arguments.amount(price["basePrice"], field: "price.basePrice"),
            let sale = try Arguments.amount(price["salePrice"], field: "price.salePrice")
        else { throw GatewayError.badInput("price needs basePrice and salePrice.", field: "price") }
        return Price(basePrice: base, salePrice: sale, currency: price["currency"]?.stringValue ?? "KRW")
    }
}

extension GatewayError {
    /// Logs the command side's details of an unforeseen failure (the client sees only the generic message).
    func withLog(_ error: CommandError, _ ctx: RequestContext) -> GatewayError {
        if error.code == .internal || error.code == .unavailable {
            ctx.logger.error("command failed", metadata: ["error": "\(error)"])
        }
        return self
    }
}
