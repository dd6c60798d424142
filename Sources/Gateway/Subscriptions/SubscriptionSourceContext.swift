import GraphQLEngine

/// The context a subscription's source is created with (CreateSourceEventStream): who subscribes, where its notices
/// come from (the live feed for a shared group, a finite list for a resume's catch-up, none for the check of a new
/// subscriber's arguments), and a fresh request context for each read the source makes.
struct SubscriptionSourceContext: Sendable {
    let caller: Caller
    /// Opens the reader of the notices `interest` follows.
    let notices: @Sendable (NoticeInterest) -> any NoticeReader
    /// A request context for one read (its loaders cache per read, never across events).
    let readContext: @Sendable () -> RequestContext

    static func from(_ context: any Sendable) -> SubscriptionSourceContext {
        guard let context = context as? SubscriptionSourceContext else {
            preconditionFailure("a subscription source runs with a SubscriptionSourceContext")
        }
        return context
    }
}

/// A reader with nothing to read: a new subscriber's arguments are checked by creating its source over this.
struct NoNotices: NoticeReader {
    func next() async -> ChangeNotice? { nil }
}
