using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Credentials.WorkloadApi;
using Gateway.Identity;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway identity parse|inspect</c>: check a SPIFFE ID, or say what the gateway would make of a
/// certificate or of what a SPIFFE Workload API hands out. Output is JSON on stdout. Exit codes: 0 valid/accepted, 3 invalid/refused, 1 bad
/// flag or unreadable file (message on stderr).
/// </summary>
internal static class IdentityCommand
{
    private const int Refused = 3;

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions IndentedJson = CompactJson with { Indented = true };

    public static Command Create() =>
        new("identity", "Inspect SPIFFE IDs and X509-SVIDs the way the gateway checks them.") { CreateParse(), CreateInspect() };

    private static Command CreateParse()
    {
        var id = new Argument<string>("id") { Description = "The SPIFFE ID to check, e.g. spiffe://public/ns/default/orders." };
        var command = new Command("parse", "Check a SPIFFE ID with the gateway's strict rules.") { id };
        command.SetAction(parse =>
        {
            var valid = SpiffeId.TryParse(parse.GetValue(id), out var spiffeId, out var error);
            parse.InvocationConfiguration.Output.WriteLine(Json(CompactJson, writer =>
            {
                writer.WriteBoolean("valid", valid);
                WriteStringOrNull(writer, "trustDomain", spiffeId?.TrustDomain);
                WriteStringOrNull(writer, "path", spiffeId?.Path);
                WriteStringOrNull(writer, "error", valid ? null : error);
            }));
            return valid ? 0 : Refused;
        });
        return command;
    }

    private static Command CreateInspect()
    {
        var cert = new Option<string?>("--cert")
        {
            Description = "PEM file: the leaf, optionally followed by intermediates.",
        };
        var spiffeEndpoint = new Option<string?>("--spiffe-endpoint")
        {
            Description = "Instead of --cert: ask this SPIFFE Workload API (unix:///path or tcp://IP:PORT) what it hands out to this process.",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "With --spiffe-endpoint: seconds to wait for the agent's answer (default 10).",
            DefaultValueFactory = _ => 10,
        };
        var bundles = new Option<string[]>("--trust-bundle")
        {
            Description = "TRUST_DOMAIN=PEM_FILE; repeatable. With bundles the full chain check runs.",
            AllowMultipleArgumentsPerToken = false,
        };
        var idShapes = new Option<string[]>("--id-shape")
        {
            Description = "<trust-domain>=dapr|k8s-sa: how that domain's SPIFFE IDs name apps, as for 'gateway run'; repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("inspect", "Show the SPIFFE ID, app identity and validity of a certificate, and why it would be refused; or what a SPIFFE Workload API hands out.")
        {
            cert, spiffeEndpoint, timeout, bundles, idShapes,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var certPath = parse.GetValue(cert);
            var endpoint = parse.GetValue(spiffeEndpoint);
            if ((certPath is null) == (endpoint is null))
            {
                parse.InvocationConfiguration.Error.WriteLine("inspect needs exactly one of --cert FILE and --spiffe-endpoint ENDPOINT");
                return Task.FromResult(1);
            }

            if (!TryReadShapes(parse.GetValue(idShapes) ?? [], out var shapes, out var shapeProblem))
            {
                parse.InvocationConfiguration.Error.WriteLine($"--id-shape: {shapeProblem}");
                return Task.FromResult(1);
            }

            if (endpoint is not null)
            {
                return WorkloadApiInspection.RunAsync(
                    endpoint, shapes, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
            }

            return Task.FromResult(Inspect(parse, certPath!, parse.GetValue(bundles) ?? [], shapes));
        });
        return command;
    }

    /// <summary>The <c>--id-shape TD=dapr|k8s-sa</c> values, spelled as <c>gateway run</c> takes them.</summary>
    private static bool TryReadShapes(string[] arguments, out IdShapes shapes, out string problem)
    {
        var byDomain = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == argument.Length - 1)
            {
                (shapes, problem) = (null!, $"'{argument}' is not of the form <trust-domain>=dapr|k8s-sa");
                return false;
            }

            byDomain[argument[..separator]] = argument[(separator + 1)..];
        }

        try
        {
            (shapes, problem) = (IdShapes.FromConfiguration(byDomain), "");
            return true;
        }
        catch (InvalidOperationException ex)
        {
            (shapes, problem) = (null!, ex.Message);
            return false;
        }
    }

    private static int Inspect(ParseResult parse, string certPath, string[] bundleArguments, IdShapes shapes)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if (!TryLoadBundles(bundleArguments, out var bundles, out var bundleProblem))
        {
            stderr.WriteLine($"--trust-bundle: {bundleProblem}");
            return 1;
        }

        List<X509Certificate2> certificates;
        try
        {
            certificates = TrustBundleSet.ReadPemBundle(certPath, "Certificate file");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"--cert: {ex.Message}");
            return 1;
        }

        if (certificates.Count == 0)
        {
            stderr.WriteLine($"--cert: Certificate file '{certPath}' holds no certificate.");
            return 1;
        }

        var verdict = Judge(certificates[0], certificates.Skip(1), bundles, shapes, DateTimeOffset.UtcNow);
        parse.InvocationConfiguration.Output.WriteLine(Json(IndentedJson, writer => WriteInspection(writer, certPath, certificates[0], verdict)));
        return verdict.Accepted == false ? Refused : 0;
    }

    /// <summary>
    /// Runs the validator. Without bundles there are no anchors, so only the leaf rules, the validity
    /// dates and the ID shape are judged and <see cref="Verdict.Accepted"/> stays null unless one fails.
    /// </summary>
    private static Verdict Judge(
        X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, TrustBundleSet? bundles, IdShapes shapes, DateTimeOffset now)
    {
        var result = X509SvidValidator.Validate(leaf, intermediates, bundles ?? TrustBundleSet.Empty, now);
        AppIdentity? identity = null;
        var shapeProblem = string.Empty;
        var mapped = result.SpiffeId is not null && shapes.TryMap(result.SpiffeId, out identity, out shapeProblem);

        var leafRulesPassed = result.IsValid || (bundles is null && result.Reason == SvidFailureReason.UnknownTrustDomain);
        if (!leafRulesPassed)
        {
            return new Verdict(result.SpiffeId, identity, false, result.Reason.ToString(), result.Message, bundles is not null);
        }

        if (bundles is null && LeafTimeProblem(leaf, now) is var (reason, message))
        {
            return new Verdict(result.SpiffeId, identity, false, reason.ToString(), message, false);
        }

        if (!mapped)
        {
            return new Verdict(result.SpiffeId, null, false, "IdShapeMismatch", shapeProblem, bundles is not null);
        }

        return new Verdict(result.SpiffeId, identity, bundles is null ? null : true, null, null, bundles is not null);
    }

    private static (SvidFailureReason Reason, string Message)? LeafTimeProblem(X509Certificate2 leaf, DateTimeOffset now)
    {
        if (leaf.NotAfter.ToUniversalTime() < now.UtcDateTime)
        {
            return (SvidFailureReason.Expired, $"leaf certificate expired at {leaf.NotAfter.ToUniversalTime():O}");
        }

        return leaf.NotBefore.ToUniversalTime() > now.UtcDateTime
            ? (SvidFailureReason.NotYetValid, $"leaf certificate is not valid before {leaf.NotBefore.ToUniversalTime():O}")
            : null;
    }

    private static void WriteInspection(Utf8JsonWriter writer, string certPath, X509Certificate2 leaf, Verdict verdict)
    {
        writer.WriteString("certificate", certPath);
        WriteStringOrNull(writer, "spiffeId", verdict.SpiffeId?.ToString());
        writer.WriteStartArray("uriSans");
        foreach (var uri in UriSanReader.TryRead(leaf, out _) ?? [])
        {
            writer.WriteStringValue(uri);
        }

        writer.WriteEndArray();
        if (verdict.Identity is { } identity)
        {
            writer.WriteStartObject("appIdentity");
            writer.WriteString("trustDomain", identity.TrustDomain);
            writer.WriteString("namespace", identity.Namespace);
            writer.WriteString("appId", identity.AppId);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("appIdentity");
        }

        writer.WriteString("subject", leaf.Subject);
        writer.WriteString("issuer", leaf.Issuer);
        writer.WriteString("notBefore", new DateTimeOffset(leaf.NotBefore.ToUniversalTime()));
        writer.WriteString("notAfter", new DateTimeOffset(leaf.NotAfter.ToUniversalTime()));
        writer.WriteBoolean("chainChecked", verdict.ChainChecked);
        if (verdict.Accepted is { } accepted)
        {
            writer.WriteBoolean("accepted", accepted);
        }
        else
        {
            writer.WriteNull("accepted");
        }

        WriteStringOrNull(writer, "reason", verdict.Reason);
        WriteStringOrNull(writer, "error", verdict.Error);
    }

    private static bool TryLoadBundles(string[] arguments, out TrustBundleSet? bundles, out string problem)
    {
        bundles = null;
        problem = string.Empty;
        if (arguments.Length == 0)
        {
            return true;
        }

        var files = new List<(string TrustDomain, string PemPath)>();
        foreach (var argument in arguments)
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == argument.Length - 1)
            {
                problem = $"'{argument}' must look like TRUST_DOMAIN=PEM_FILE.";
                return false;
            }

            files.Add((argument[..separator], argument[(separator + 1)..]));
        }

        try
        {
            bundles = TrustBundleSet.Load(files);
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return false;
        }
    }

    private static string Json(JsonWriterOptions options, Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>What inspect concluded; <see cref="Accepted"/> is null when no bundle allowed a full check.</summary>
    private sealed record Verdict(
        SpiffeId? SpiffeId, AppIdentity? Identity, bool? Accepted, string? Reason, string? Error, bool ChainChecked);
}
