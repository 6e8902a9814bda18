namespace Gateway.Scopes;

/// <summary>The outcome of a topic scope check.</summary>
/// <param name="Allowed">Whether the operation may proceed.</param>
/// <param name="Reason">
/// One human-readable sentence naming the rule that decided, with names in single quotes,
/// for example <c>topic 'b' is not in allowedTopics</c>. Meant for logs and the CLI, not for
/// API responses (those use <see cref="ScopeMessages.Forbidden"/>).
/// </param>
public readonly record struct ScopeDecision(bool Allowed, string Reason);
