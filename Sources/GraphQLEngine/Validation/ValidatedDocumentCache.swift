import Synchronization

/// A document after parsing and validation: ready to execute, or the errors to answer with.
public enum ValidatedDocument: Sendable {
    case valid(DocumentNode)
    case invalid([GraphQLError])

    public var document: DocumentNode? {
        if case .valid(let document) = self { return document }
        return nil
    }

    public var errors: [GraphQLError] {
        if case .invalid(let errors) = self { return errors }
        return []
    }
}

/// The steps of preparing a document that an observer may wrap (to time them, or to trace them).
public enum DocumentPhase: String, Sendable {
    case parse, validate
}

/// Runs one phase (the closure), wrapped in whatever the observer adds; it must run it exactly once.
public typealias DocumentPhaseObserver = @Sendable (DocumentPhase, () -> Void) -> Void

/// Parses and validates each distinct document text (and operation name) once against one schema: a repeated
/// request skips both. Rejections are kept as well, so a client resending a bad document costs a lookup.
/// Bounded by entries and by bytes (least recently used entries go first) and safe to share between threads.
///
/// An entry's bytes are estimated as its text (the key; the syntax tree shares the string) plus
/// `syntaxTreeBytesPerTextByte` for the tree and the field plans: a client sending large unique documents fills
/// the budget, never more.
///
/// ```swift
/// let cache = ValidatedDocumentCache(schema: schema, capacity: 1_000, limits: QueryLimits(maxDepth: 12))
/// switch cache.validated(text, operationName: name) {
/// case .valid(let document): ...execute(document)
/// case .invalid(let errors): ...answer with errors
/// }
/// ```
public final class ValidatedDocumentCache: Sendable {
    private struct Key: Hashable {
        let text: String
        let operationName: String?
    }

    private struct Entry {
        let document: ValidatedDocument
        /// The field plans executions of the document share (valid documents only).
        let plans: FieldPlanCache?
    }

    public let schema: GraphQLSchema
    public let limits: QueryLimits
    /// Wraps each parse and each validation of an uncached text (the gateway makes a trace span of each).
    public let observePhase: DocumentPhaseObserver
    private let rules: [ValidationRule]
    private let maxErrors: Int
    private let state: Mutex<State>

    private struct State {
        var entries: LRUCache<Key, Entry>
        var hitCount = 0
        var missCount = 0
    }

    /// Measured with the allocator's count on the gateway's own queries (a detail page, a search page, many short
    /// fields): 19 to 39 heap bytes per byte of text (`DocumentCacheBytesTests`).
    public static let syntaxTreeBytesPerTextByte = 48

    public init(
        schema: GraphQLSchema, capacity: Int = 1_000, byteCapacity: Int = 64 << 20, limits: QueryLimits = .none,
        rules: [ValidationRule] = specifiedRules, maxErrors: Int = 100,
        observePhase: @escaping DocumentPhaseObserver = { _, phase in phase() }
    ) {
        self.schema = schema
        self.observePhase = observePhase
        self.limits = limits
        self.rules = rules + limits.rules
        self.maxErrors = maxErrors
        state = Mutex(State(entries: LRUCache(capacity: max(1, capacity), byteCapacity: byteCapacity)))
    }

    /// What an entry for `text` counts against the byte budget.
    public static func cost(_ text: String, operationName: String?, valid: Bool) -> Int {
        let textBytes = text.utf8.count + (operationName?.utf8.count ?? 0)
        // A rejected document keeps only its errors, not a tree.
        return 256 + textBytes * (valid ? 1 + syntaxTreeBytesPerTextByte : 2)
    }

    /// The parsed and validated document for this text, from the cache when it was seen before.
    public func validated(_ text: String, operationName: String? = nil) -> ValidatedDocument {
        prepared(text, operationName: operationName).document
    }

    /// The validated document and the field plans its executions share (pass them to `execute(…plans:)`).
    public func prepared(_ text: String, operationName: String? = nil) -> (document: ValidatedDocument, plans: FieldPlanCache?) {
        let key = Key(text: text, operationName: operationName)
        if let known = state.withLock({ state -> Entry? in
            let value = state.entries.value(for: key)
            if value != nil { state.hitCount += 1 }
            return value
        }) {
            return (known.document, known.plans)
        }
        // Outside the lock: two threads missing the same text both validate it, and the results are equal.
        let result = validateUncached(text)
        let entry = Entry(document: result, plans: result.document.map(FieldPlanCache.init(document:)))
        state.withLock { state in
            state.missCount += 1
            state.entries.set(entry, for: key, cost: Self.cost(text, operationName: operationName, valid: result.document != nil))
        }
        return (entry.document, entry.plans)
    }

    /// Parses and validates without the cache.
    public func validateUncached(_ text: String) -> ValidatedDocument {
        let schemaErrors = schema.validationErrors
        if !schemaErrors.isEmpty { return .invalid(schemaErrors) }
        var parsed: Result<DocumentNode, GraphQLError>?
        observePhase(.parse) { parsed = Result { () throws(GraphQLError) in try parse(Source(text, name: "GraphQL request"), options: limits.parseOptions) } }
        let document: DocumentNode
        switch parsed {
        case .success(let d)?: document = d
        case .failure(let error)?: return .invalid([error])
        case nil: preconditionFailure("observePhase must run the phase it is given")
        }
        var errors: [GraphQLError] = []
        observePhase(.validate) { errors = validate(schema: schema, document: document, rules: rules, maxErrors: maxErrors) }
        return errors.isEmpty ? .valid(document) : .invalid(errors)
    }

    /// Lookups answered from the cache, lookups that parsed and validated, entries held and their estimated bytes.
    public var statistics: (hits: Int, misses: Int, count: Int, bytes: Int) {
        state.withLock { ($0.hitCount, $0.missCount, $0.entries.count, $0.entries.bytes) }
    }
}
