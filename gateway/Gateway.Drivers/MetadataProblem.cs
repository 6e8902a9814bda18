namespace Gateway.Drivers;

/// <summary>A problem with one component metadata entry.</summary>
/// <param name="Key">The metadata name, as written, or the required name that is missing.</param>
/// <param name="Message">What is wrong and what to do, without the value when it may be a secret.</param>
public sealed record MetadataProblem(string Key, string Message);
