/// What one graphql-transport-ws socket has agreed so far: whether `connection_init` came, the caller it was
/// acknowledged as, and the operations running by id. The protocol's rules on them, without any I/O.
struct ConnectionState {
    /// A running operation: `serial` tells it from a later one the client starts under the same id once this one is
    /// complete.
    struct Running {
        let serial: Int
        let task: Task<Void, Never>
    }

    /// What `admit` allows.
    enum Admission {
        case admitted(serial: Int, caller: Caller)
        /// The socket already runs `maxOperations`: an `error` message for this id, the socket stays.
        case tooManyOperations
    }

    let maxOperations: Int
    private(set) var initReceived = false
    /// Set by `connection_ack`: operations run as this caller.
    private(set) var caller: Caller?
    private var running: [String: Running] = [:]
    private var nextSerial = 0

    init(maxOperations: Int) { self.maxOperations = maxOperations }

    var runningCount: Int { running.count }

    /// `connection_init`: one per socket (4429 for a second).
    mutating func receiveInit() throws(SocketClose) {
        guard !initReceived else { throw .tooManyInitialisationRequests }
        initReceived = true
    }

    mutating func acknowledge(_ caller: Caller) { self.caller = caller }

    /// `subscribe`: only after `connection_ack` (4401), under an id no running operation holds (4409), and within
    /// the limit.
    mutating func admit(_ id: String) throws(SocketClose) -> Admission {
        guard let caller else { throw .unauthorized }
        guard running[id] == nil else { throw .subscriberAlreadyExists(id) }
        guard running.count < maxOperations else { return .tooManyOperations }
        nextSerial += 1
        return .admitted(serial: nextSerial, caller: caller)
    }

    /// Records the task running the admitted operation `id`.
    mutating func start(_ id: String, serial: Int, task: Task<Void, Never>) {
        running[id] = Running(serial: serial, task: task)
    }

    /// The operation ended by itself: false when it was stopped meanwhile (by the client's `complete` or the close),
    /// and nothing more may be sent for it. Its id is free again.
    mutating func finish(_ id: String, serial: Int) -> Bool {
        guard running[id]?.serial == serial else { return false }
        running[id] = nil
        return true
    }

    /// The client's `complete`: the running operation's task to cancel, or nil for an id not running (one that
    /// already completed: ignored, as the protocol allows).
    mutating func complete(_ id: String) -> Task<Void, Never>? {
        running.removeValue(forKey: id)?.task
    }

    /// The socket closed: every running operation's task, to cancel.
    mutating func closeAll() -> [Task<Void, Never>] {
        defer { running = [:] }
        return running.values.map(\.task)
    }
}
