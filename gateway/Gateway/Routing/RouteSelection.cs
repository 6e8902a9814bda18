namespace Gateway.Routing;

/// <summary>
/// The path a message goes to. <see cref="Path"/> null and <see cref="Error"/> null: no rule
/// matched (Dapr drops and acknowledges the message). <see cref="Error"/> set: a rule failed to
/// evaluate before any rule matched (Dapr dead-letters it, or NACKs without a dead-letter topic).
/// </summary>
internal readonly record struct RouteSelection(string? Path, string? Error);
