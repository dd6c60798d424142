import GraphQLEngine
import JSON
import ReadModels
import Synchronization

/// The `Subscription` type: each root field's source (which notices it follows, and the events it makes of them)
/// and its resolver (the event's state, read from the read models at the event's position or later).
enum SubscriptionSide {
    static var resolvers: [String: GraphQLFieldResolver] {
        [
            "gifticonChanged": .async { source, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                await ctx.awaitPosition(try event(source).position, info)
                let id = try Arguments.id(args["id"], field: "id")
                guard let document = try await ctx.loaders.gifticons.load(id), GifticonHydration.isListing(document) else { return nil }
                GifticonHydration.primeReferences(of: [document], ctx)
                return document
            },
            "sellerRatingChanged": .async { source, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                await ctx.awaitPosition(try event(source).position, info)
                return try await ctx.loaders.ratings.load(try Arguments.id(args["sellerId"], field: "sellerId"))
            },
            "gifticonsChanged": .sync { source, _, _, _ in try event(source).gifticonChange },
            "myGifticonsChanged": .sync { source, _, _, _ in try event(source).gifticonChange },
        ]
    }

    /// Sets each root field's event source on the built schema.
    static func attachSources(to schema: GraphQLSchema) {
        let sources: [String: GraphQLSubscribeFunction] = [
            "gifticonChanged": { _, args, context, _ in
                let key = "gifticon:\(try Arguments.id(args["id"], field: "id"))"
                return eventStream(SubscriptionSourceContext.from(context).notices(.keys([key]))) { notice in
                    [LiveEvent(position: notice.position, commitMillis: notice.commitMillis, entity: key)]
                }
            },
            "sellerRatingChanged": { _, args, context, _ in
                let key = "seller:\(try Arguments.id(args["sellerId"], field: "sellerId"))"
                return eventStream(SubscriptionSourceContext.from(context).notices(.keys([key]))) { notice in
                    [LiveEvent(position: notice.position, commitMillis: notice.commitMillis, entity: key)]
                }
            },
            "gifticonsChanged": { _, args, context, _ in
                let filter = try GifticonFilterMatch(args["filter"]?.objectValue ?? JSONObject())
                let ctx = SubscriptionSourceContext.from(context)
                let followed = Mutex<Set<Int64>>([])
                return listingEvents(ctx, .kind("gifticon")) { id, document in
                    if let document, filter.matches(document) {
                        return followed.withLock { $0.insert(id).inserted } ? .entered : .changed
                    }
                    let wasFollowed = followed.withLock { $0.remove(id) != nil }
                    return wasFollowed || document.map(filter.mayHaveMatched) == true ? .left : nil
                }
            },
            "myGifticonsChanged": { _, _, context, _ in
                let ctx = SubscriptionSourceContext.from(context)
                let user: Int64
                switch ctx.caller {
                case .user(let claims): user = claims.userID
                case .anonymous: throw GatewayError(.unauthenticated, "myGifticonsChanged needs an Authorization: Bearer token.")
                case .rejected(let reason): throw GatewayError(.unauthenticated, "The bearer token was refused: \(reason).")
                }
                let followed = Mutex<Set<Int64>>([])
                return listingEvents(ctx, .keys(["user:\(user)"])) { id, document in
                    func owner(_ field: String) -> Bool { document?[field]?.intValue.map(Int64.init) == user }
                    guard let document, owner(GifticonDocument.sellerId) || owner(GifticonDocument.buyerId) else {
                        return followed.withLock { $0.remove(id) != nil } ? .left : nil
                    }
                    let isNew = followed.withLock { $0.insert(id).inserted } && document[GifticonDocument.version]?.intValue == 1
                    return isNew ? .entered : .changed
                }
            },
        ]
        for (name, source) in sources { schema.subscriptionType?.fields[name]?.subscribe = source }
    }

    static func event(_ source: any Sendable) throws -> LiveEvent {
        guard let event = source as? LiveEvent else { throw GraphQLError("A subscription field was executed without its event.") }
        if let failure = event.failure { throw failure }
        return event
    }

    /// The events of a subscription on several listings: for each notice, the touched listings read at its position,
    /// each given a kind by `classify` (nil: not an event for this subscription). A resync notice is one RESYNC.
    static func listingEvents(_ ctx: SubscriptionSourceContext, _ interest: NoticeInterest,
                              classify: @escaping @Sendable (Int64, JSONValue?) -> LiveEvent.Kind?) -> AsyncThrowingStream<any Sendable, any Error> {
        eventStream(ctx.notices(interest)) { notice in
            if notice.isResync {
                return [LiveEvent(position: notice.position, commitMillis: 0, entity: "resync",
                                  change: LiveEvent.Change(kind: .resync, id: nil, document: nil))]
            }
            let ids = notice.ids("gifticon")
            guard !ids.isEmpty else { return [] }
            let read = ctx.readContext()
            _ = await read.waiterForStatus.wait(for: notice.position)
            let documents = try await read.loaders.gifticons.loadMany(ids)
            return ids.compactMap { id in
                let document = documents[id].flatMap { GifticonHydration.isListing($0) ? $0 : nil }
                guard let kind = classify(id, document) else { return nil }
                return LiveEvent(position: notice.position, commitMillis: notice.commitMillis, entity: "gifticon:\(id)",
                                 change: LiveEvent.Change(kind: kind, id: id, document: document))
            }
        }
    }

    /// A source stream of the events `make` gives for each notice `reader` yields, read only as fast as the events
    /// are taken (a source that falls behind leaves notices merging in its inbox).
    static func eventStream(_ reader: any NoticeReader,
                            _ make: @escaping @Sendable (ChangeNotice) async throws -> [LiveEvent]) -> AsyncThrowingStream<any Sendable, any Error> {
        let pending = Mutex<[LiveEvent]>([])
        return AsyncThrowingStream(unfolding: {
            while true {
                if let event = pending.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return event }
                guard let notice = await reader.next() else { return nil }
                var events: [LiveEvent]
                do {
                    events = try await make(notice)
                } catch {
                    // A store that failed on this notice fails this event, not the subscription: the next notice
                    // reads the current state again.
                    events = [LiveEvent(position: notice.position, commitMillis: notice.commitMillis, entity: "failure", failure: error)]
                }
                for i in events.indices { events[i].noticedMillis = notice.noticedMillis }
                pending.withLock { $0 = events }
            }
        })
    }
}
