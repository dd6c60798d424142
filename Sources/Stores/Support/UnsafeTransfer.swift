/// Carries a value that is not Sendable across an isolation boundary where the code guarantees exclusive use
/// (a pooled connection is used by one thread at a time).
struct UnsafeTransfer<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
