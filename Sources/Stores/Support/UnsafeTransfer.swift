/// Carries a value that is not Sendable across an isolation boundary where the code guarantees exclusive use
/// (a pooled connection is used by one thread at a time; a capture lives on its one thread).
public struct UnsafeTransfer<Value>: @unchecked Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}
