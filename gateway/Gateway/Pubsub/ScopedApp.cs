namespace Gateway.Pubsub;

/// <summary>Who a scope check is for: the app, and the identity and namespace it is logged with.</summary>
internal readonly record struct ScopedApp(string AppId, string SpiffeId, string Namespace);
