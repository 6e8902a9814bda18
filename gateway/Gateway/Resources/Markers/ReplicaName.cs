namespace Gateway.Resources.Markers;

/// <summary>
/// The value of <c>{podName}</c> on this gateway replica: the <c>Gateway:PodName</c> setting when set, else the
/// <c>POD_NAME</c> environment variable (Dapr's source, set from the pod's name through the downward API),
/// else the host name (a Kubernetes pod's host name is its pod name). Dapr fails a component whose
/// <c>{podName}</c> has no value; the gateway always has one.
/// </summary>
internal static class ReplicaName
{
    public const string EnvironmentVariable = "POD_NAME";

    /// <summary>This process's replica name.</summary>
    public static string Current(string? configured) =>
        Resolve(configured, Environment.GetEnvironmentVariable, System.Net.Dns.GetHostName);

    /// <summary>The first non-blank of <paramref name="configured"/>, <c>POD_NAME</c> and the host name, trimmed.</summary>
    public static string Resolve(string? configured, Func<string, string?> environment, Func<string> hostName)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        if (environment(EnvironmentVariable) is { } pod && !string.IsNullOrWhiteSpace(pod))
        {
            return pod.Trim();
        }

        var host = hostName();
        return string.IsNullOrWhiteSpace(host) ? "localhost" : host.Trim();
    }
}
