import Logging
import ServiceLifecycle
#if OpenTelemetry
import OTel
#endif

/// Where this process's spans go. Built with the `OpenTelemetry` trait and given an OTLP endpoint
/// (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), they are exported with OTLP/HTTP through
/// swift-otel, configured by the standard `OTEL_*` variables (protocol, sampler, batch delay, resource attributes);
/// otherwise they go nowhere, at the cost of a no-op span per call.
public enum TraceExport {
    /// Whether this binary can export spans at all.
    public static var isBuiltIn: Bool {
        #if OpenTelemetry
        return true
        #else
        return false
        #endif
    }

    /// Installs the process-wide tracer (once per process) and returns the service that sends the spans, to run
    /// beside the application; nil when spans are not exported. `environment` is the process's, except in tests.
    public static func bootstrap(serviceName: String, environment: [String: String], logger: Logger) throws -> (any Service)? {
        let endpoint = environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] ?? environment["OTEL_EXPORTER_OTLP_ENDPOINT"]
        guard let endpoint, !endpoint.isEmpty, environment["OTEL_SDK_DISABLED"] != "true" else { return nil }
        #if OpenTelemetry
        var configuration = OTel.Configuration.default
        configuration.serviceName = serviceName
        // Traces only: logs go to stdout and metrics to /metrics, as without the trait.
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.propagators = [.traceContext]
        // Its own diagnostics: problems only, not every setting it read.
        configuration.diagnosticLogLevel = .warning
        let service = try OTel.bootstrap(configuration: configuration, environment: environment)
        logger.info("traces exported with OTLP", metadata: ["endpoint": "\(endpoint)", "service": "\(serviceName)"])
        return service
        #else
        logger.warning("OTEL_EXPORTER_OTLP_ENDPOINT is set, but this binary was built without the OpenTelemetry trait: no spans are exported (build with `swift build --traits OpenTelemetry`)")
        return nil
        #endif
    }
}
