namespace Gateway.Scopes;

/// <summary>The operation a topic scope is checked for.</summary>
public enum ScopeOperation
{
    Publish,
    Subscribe,
}
