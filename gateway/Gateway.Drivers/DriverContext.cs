using Microsoft.Extensions.Logging;

namespace Gateway.Drivers;

/// <summary>What a driver gets when it is created.</summary>
/// <param name="ComponentName">The component's <c>metadata.name</c>, for messages and logs.</param>
/// <param name="Metadata">The component's <c>spec.metadata</c>, already validated.</param>
/// <param name="LoggerFactory">Where the driver logs.</param>
/// <param name="TimeProvider">The clock; tests substitute a fake one.</param>
public sealed record DriverContext(
    string ComponentName,
    IReadOnlyDictionary<string, string> Metadata,
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider);
