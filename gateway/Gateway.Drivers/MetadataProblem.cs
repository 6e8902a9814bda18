namespace Gateway.Drivers;

/// <summary>A problem with one component metadata entry.</summary>
/// <param name="Key">The metadata name, as written, or the required name that is missing.</param>
/// <param name="Message">What is wrong and what to do, without the value when it may be a secret.</param>
/// <param name="Severity">
/// <see cref="MetadataSeverity.Error"/> (the default) stops the component from loading;
/// <see cref="MetadataSeverity.Warning"/> is reported and the component loads.
/// </param>
public sealed record MetadataProblem(string Key, string Message, MetadataSeverity Severity = MetadataSeverity.Error)
{
    /// <summary>True when the component cannot load with this problem.</summary>
    public bool IsError => Severity == MetadataSeverity.Error;
}
