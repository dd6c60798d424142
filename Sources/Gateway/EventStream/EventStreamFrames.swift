import Foundation
import Stores

/// The text of a GraphQL-over-SSE response (graphql-sse's "distinct connections mode"): each result a `next` event
/// (its position, when it has one, the event's `id`, which a reconnecting EventSource sends back as
/// `Last-Event-ID`), the end a `complete` event with an empty `data:` (EventSource ignores an event without one),
/// and a comment line as the keep-alive.
enum EventStreamFrames {
    static func next(_ result: StreamedResult) -> [UInt8] {
        var frame = Array("event: next\n".utf8)
        if let position = result.position { frame += Array("id: \(position)\n".utf8) }
        // A JSON text has no raw newlines (they are escaped in strings), so one data line holds it.
        frame += Array("data: ".utf8) + result.body + Array("\n\n".utf8)
        return frame
    }

    static let complete = Array("event: complete\ndata: \n\n".utf8)
    static let keepAlive = Array(":\n\n".utf8)

    /// The position a `Last-Event-ID` names (what `next` put in `id:`); nil for none or another form.
    static func resumePosition(_ lastEventID: String?) -> LSN? {
        lastEventID.flatMap { LSN($0.trimmingCharacters(in: .whitespaces)) }
    }
}
