import Stores
import Synchronization

/// The highest consistency token seen, shared by the command tasks.
final class LSNBox: Sendable {
    private let highest = Mutex<LSN?>(nil)

    func raise(_ lsn: LSN) {
        highest.withLock { highest in
            if highest.map({ lsn > $0 }) ?? true { highest = lsn }
        }
    }

    var value: LSN? { highest.withLock { $0 } }
}
