import NIOCore
import NIOHTTP1

/// Below Hummingbird, on HTTP/1's own parts (which still carry the protocol version): closes a connection whose
/// request head or body does not arrive within `ConnectionLimits`, and keeps HTTP/1.0's rules, which the layers
/// above lose with the version: the response says HTTP/1.0, and the connection closes after it unless the request
/// asked for keep-alive (and, in HTTP/1.1, when the request said `Connection: close`).
final class RequestReadDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let idleTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var version = HTTPVersion.http1_1
    private var keepAlive = true

    init(limits: ConnectionLimits) {
        idleTimeout = ConnectionLimits.amount(limits.idleTimeout)
        bodyTimeout = ConnectionLimits.amount(limits.bodyTimeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(idleTimeout, context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(idleTimeout, context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            version = head.version
            keepAlive = head.isKeepAlive
            arm(bodyTimeout, context)
        case .body:
            break
        case .end:
            disarm()   // the request is complete: the handler's own deadline governs from here
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            head.version = version == .http1_0 ? .http1_0 : head.version
            if !keepAlive {
                head.headers.replaceOrAdd(name: "connection", value: "close")
            } else if version == .http1_0 {
                head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            if keepAlive {
                context.write(data, promise: promise)
                arm(idleTimeout, context)
            } else {
                let written = promise ?? context.eventLoop.makePromise()
                context.write(data, promise: written)
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                written.futureResult.whenComplete { _ in loopBound.value.close(promise: nil) }
            }
        }
    }

    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        disarm()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) { loopBound.value.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
