import Synchronization

/// A one-element rendezvous between a producer and a consumer: `put` waits until its element is taken, so the
/// producer runs only as fast as the consumer; `offer` slips in an element only when nothing waits (a keep-alive).
final class Handoff<Element: Sendable>: Sendable {
    private struct State {
        var slot: Element?
        var putter: CheckedContinuation<Void, Never>?
        var taker: CheckedContinuation<Element?, Never>?
        var closed = false
    }

    private let state = Mutex(State())

    /// Hands over `element`; returns once it is taken (or the handoff closed: false).
    @discardableResult
    func put(_ element: Element) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let taker: CheckedContinuation<Element?, Never>?? = state.withLock { state in
                if state.closed { return .some(nil) }
                if let taker = state.taker {
                    state.taker = nil
                    return .some(taker)
                }
                state.slot = element
                state.putter = continuation
                return .none
            }
            if let taker {
                taker?.resume(returning: element)
                continuation.resume()
            }
        }
        return !state.withLock { $0.closed }
    }

    /// Hands over `element` only if the consumer is waiting with nothing else pending; false otherwise.
    func offer(_ element: Element) -> Bool {
        let taker = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            defer { state.taker = nil }
            return state.taker
        }
        taker?.resume(returning: element)
        return taker != nil
    }

    /// The next element; nil once closed.
    func take() async -> Element? {
        await withCheckedContinuation { continuation in
            let ready: (Element?, CheckedContinuation<Void, Never>?)? = state.withLock { state in
                if let element = state.slot {
                    state.slot = nil
                    defer { state.putter = nil }
                    return (element, state.putter)
                }
                if state.closed { return (nil, nil) }
                state.taker = continuation
                return nil
            }
            if let (element, putter) = ready {
                putter?.resume()
                continuation.resume(returning: element)
            }
        }
    }

    func close() {
        let (putter, taker) = state.withLock { state in
            state.closed = true
            state.slot = nil
            defer { (state.putter, state.taker) = (nil, nil) }
            return (state.putter, state.taker)
        }
        putter?.resume()
        taker?.resume(returning: nil)
    }
}
