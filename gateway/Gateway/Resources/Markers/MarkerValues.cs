namespace Gateway.Resources.Markers;

/// <summary>What the markers of one metadata value are replaced with.</summary>
/// <param name="AppId">The value of <c>{appID}</c>.</param>
/// <param name="Namespace">The namespace; <c>{namespace}</c> becomes <see cref="DaprNamespace"/>.</param>
/// <param name="PodName">The value of <c>{podName}</c>: this gateway replica's name (<see cref="ReplicaName"/>).</param>
/// <param name="NewUuid">Gives the value of each <c>{uuid}</c>.</param>
internal sealed record MarkerValues(string AppId, string Namespace, string PodName, Func<string> NewUuid)
{
    /// <summary>
    /// The app ID that markers of keys owned by the gateway process take (a Kafka <c>clientID</c>, a Redis
    /// host): one client per component serves every app, so no single app's ID belongs there.
    /// </summary>
    public const string ProcessAppId = "gateway";

    /// <summary>Dapr's value of <c>{namespace}</c>: <c>&lt;namespace&gt;.&lt;appID&gt;</c> (<c>default.checkout</c>), not the bare namespace.</summary>
    public string DaprNamespace => $"{Namespace}.{AppId}";

    /// <summary>A fresh random UUID, as Dapr gives each <c>{uuid}</c>.</summary>
    public static string RandomUuid() => Guid.NewGuid().ToString();
}
