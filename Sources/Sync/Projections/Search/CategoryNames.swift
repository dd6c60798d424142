import Synchronization

/// Every category's name by id, kept between runs: the search projector reads the tree again only after a run that
/// changed a category (the sync sees every such change), instead of once per run.
final class CategoryNames: Sendable {
    private let known = Mutex<[Int: String]?>(nil)

    var current: [Int: String]? { known.withLock { $0 } }

    func remember(_ names: [Int: String]) { known.withLock { $0 = names } }

    func forget() { known.withLock { $0 = nil } }
}
