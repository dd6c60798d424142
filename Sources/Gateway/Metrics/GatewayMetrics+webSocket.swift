import Prometheus

extension GatewayMetrics {
    /// A graphql-transport-ws socket opened (the upgrade done) or closed.
    func webSocketOpened() { webSocketConnections.increment() }
    func webSocketClosed() { webSocketConnections.decrement() }

    /// An operation admitted on a socket, or ended (completed, failed, stopped by the client or by the close).
    func webSocketOperationStarted() { webSocketOperations.increment() }
    func webSocketOperationEnded() { webSocketOperations.decrement() }

    /// A socket ended: `code` is the close code the gateway sent (4400, 4401, 4403, 4406, 4408, 4409, 4429), or
    /// "client" when the client closed or the connection dropped (and for the WebSocket layer's own closes: 1009 for
    /// a message past the limit, a ping unanswered).
    func webSocketEnded(code: String) {
        webSocketCloseCounters.handle(code) {
            registry.makeCounter(descriptor: MetricNameDescriptor(metricName: "gateway_websocket_closes", unitName: "total",
                                                                  helpText: "graphql-transport-ws sockets ended, by the close code the gateway sent"),
                                 labels: [("code", code)])
        }.increment()
    }
}
