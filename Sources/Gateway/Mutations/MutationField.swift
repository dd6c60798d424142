import Commands
import GraphQLEngine
import JSON

extension MutationResolvers {
    /// A mutation field: authenticate (and authorize, when it needs a role), build the command from `input`, run it,
    /// answer `{ <idField> receipt }`.
    static func mutation<C: Command>(_ idField: String, role: Role? = nil,
                                     _ build: @escaping @Sendable (JSONObject, Int64) throws -> C) -> GraphQLFieldResolver {
        .async { _, args, context, _ in
            let ctx = GraphQLResolveInfo.context(context)
            let user = try role.map(ctx.caller.actingUser(with:)) ?? ctx.caller.actingUser()
            guard let commands = ctx.commands else { throw GatewayError(.internal, "This gateway runs without the command side.") }
            let input = args["input"]?.objectValue ?? JSONObject()
            try InputText.refuseNUL(in: input)
            let command = try build(input, user)
            let receipt: Receipt
            do {
                receipt = try await commands.run(command, idempotencyKey: ctx.idempotencyKey, caller: user)
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
