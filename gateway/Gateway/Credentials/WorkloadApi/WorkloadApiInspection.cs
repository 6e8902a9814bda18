using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Identity;
using Grpc.Core;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// <c>gateway identity inspect --spiffe-endpoint</c>: asks the Workload API once, as the gateway would, and
/// describes what it hands out to this process: each SVID (ID, hint, validity, whether the gateway would
/// use it as its own and why not), its trust domain's bundle, the federated trust domains, and the JWT
/// bundles' trust domains. For an operator checking a SPIRE registration from the workload's own place.
/// </summary>
internal static class WorkloadApiInspection
{
    /// <summary>Exit code when the agent refuses this process or its default SVID would not be used.</summary>
    public const int Refused = 3;

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the exit code; JSON goes to <paramref name="output"/>, problems to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string endpointText, IdShapes shapes, TimeSpan timeout, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!WorkloadApiEndpoint.TryParse(endpointText, out var endpoint, out var endpointError))
        {
            await error.WriteLineAsync($"--spiffe-endpoint: {endpointError}");
            return 1;
        }

        using var client = new WorkloadApiClient(endpoint);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        X509SVIDResponse x509;
        try
        {
            x509 = await FirstAsync(client.FetchX509Svid(deadline.Token), deadline.Token);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
        {
            await error.WriteLineAsync($"the agent at {endpoint} has no identity for this process (PermissionDenied: {ex.Status.Detail}); check that a registration entry's selectors match it");
            return Refused;
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or InvalidDataException)
        {
            await error.WriteLineAsync($"the SPIFFE Workload API at {endpoint} gave no X509-SVID: {Describe(ex, timeout)}");
            return 1;
        }

        string? jwtProblem = null;
        JWTBundlesResponse? jwt = null;
        try
        {
            jwt = await FirstAsync(client.FetchJwtBundles(deadline.Token), deadline.Token);
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or InvalidDataException)
        {
            jwtProblem = Describe(ex, timeout);
        }

        var defaultUsable = true;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("endpoint", endpoint.Text);
            writer.WriteStartArray("svids");
            for (var index = 0; index < x509.Svids.Count; index++)
            {
                var usable = WriteSvid(writer, x509, index, shapes);
                defaultUsable &= index > 0 || usable;
            }

            writer.WriteEndArray();
            WriteTrustDomains(writer, "federatedTrustDomains", x509.FederatedBundles.Keys);
            if (jwt is not null)
            {
                WriteTrustDomains(writer, "jwtTrustDomains", jwt.Bundles.Keys);
            }
            else
            {
                writer.WriteNull("jwtTrustDomains");
                writer.WriteString("jwtError", jwtProblem);
            }

            writer.WriteEndObject();
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return x509.Svids.Count > 0 && defaultUsable ? 0 : Refused;
    }

    /// <summary>Writes one SVID; true when the gateway would use it as its own.</summary>
    private static bool WriteSvid(Utf8JsonWriter writer, X509SVIDResponse x509, int index, IdShapes shapes)
    {
        var svid = x509.Svids[index];
        writer.WriteStartObject();
        writer.WriteString("spiffeId", svid.SpiffeId);
        writer.WriteString("hint", svid.Hint);
        writer.WriteBoolean("default", index == 0);
        try
        {
            var chain = DerCertificates.Read(svid.X509Svid.Span, "the certificate");
            if (chain.Count > 0)
            {
                writer.WriteString("notBefore", new DateTimeOffset(chain[0].NotBefore.ToUniversalTime()));
                writer.WriteString("notAfter", new DateTimeOffset(chain[0].NotAfter.ToUniversalTime()));
                writer.WriteString("thumbprint", chain[0].Thumbprint);
                writer.WriteNumber("intermediates", chain.Count - 1);
            }

            writer.WriteNumber("bundleAuthorities", DerCertificates.Read(svid.Bundle.Span, "the bundle").Count);
        }
        catch (InvalidDataException)
        {
            // Reported below: the whole check refuses the same bytes with a full reason.
        }

        if (SpiffeId.TryParse(svid.SpiffeId, out var id, out _))
        {
            writer.WriteString("trustDomain", id.TrustDomain);
            if (shapes.TryMap(id, out var app, out _))
            {
                writer.WriteStartObject("appIdentity");
                writer.WriteString("namespace", app.Namespace);
                writer.WriteString("appId", app.AppId);
                writer.WriteEndObject();
            }
        }

        string? problem = null;
        try
        {
            // Exactly the gateway's own check, on this SVID alone with the federated bundles beside it.
            var single = new X509SVIDResponse { Svids = { svid }, FederatedBundles = { x509.FederatedBundles } };
            WorkloadApiCredentials.Build(single, null, new SvidChoice(), "inspect", DateTimeOffset.UtcNow);
        }
        catch (InvalidDataException ex)
        {
            problem = ex.Message;
        }

        writer.WriteBoolean("usableByGateway", problem is null);
        if (problem is null)
        {
            writer.WriteNull("error");
        }
        else
        {
            writer.WriteString("error", problem);
        }

        writer.WriteEndObject();
        return problem is null;
    }

    private static void WriteTrustDomains(Utf8JsonWriter writer, string name, IEnumerable<string> keys)
    {
        writer.WriteStartArray(name);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(WorkloadTrustDomain.TryParse(key, out var trustDomain) ? trustDomain : key);
        }

        writer.WriteEndArray();
    }

    private static async Task<T> FirstAsync<T>(AsyncServerStreamingCall<T> call, CancellationToken cancellationToken)
    {
        using (call)
        {
            return await call.ResponseStream.MoveNext(cancellationToken)
                ? call.ResponseStream.Current
                : throw new InvalidDataException("the agent ended the stream without a message");
        }
    }

    private static string Describe(Exception ex, TimeSpan timeout) => ex switch
    {
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        OperationCanceledException => $"no answer within {timeout.TotalSeconds:F0} s",
        _ => ex.Message,
    };
}
