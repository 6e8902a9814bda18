using System.CommandLine;
using System.Net;
using Gateway.Certificates;
using Gateway.Identity;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway certs init|issue</c>: a development CA that issues X509-SVIDs for apps and for the gateway.
/// Exit codes: 0 done, 1 bad flag or I/O problem (the message on stderr names the flag).
/// </summary>
internal static class CertsCommand
{
    public static Command Create() =>
        new("certs", "Development CA issuing SPIFFE X509-SVIDs (not for production).") { CreateInit(), CreateIssue() };

    private static Command CreateInit()
    {
        var output = new Option<string>("--out") { Description = "Directory for ca.crt and ca.key.", Required = true };
        var trustDomain = new Option<string>("--trust-domain")
        {
            Description = "Trust domain the CA issues for, e.g. public or example.org.",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace a CA that already exists in --out." };
        var command = new Command("init", "Create a development CA (ca.crt = trust bundle, ca.key = its key).")
        {
            output, trustDomain, force,
        };
        command.SetAction(parse => Init(parse, parse.GetValue(output)!, parse.GetValue(trustDomain)!, parse.GetValue(force)));
        return command;
    }

    private static Command CreateIssue()
    {
        var ca = new Option<string>("--ca") { Description = "Directory holding ca.crt and ca.key.", Required = true };
        var appId = new Option<string>("--app-id")
        {
            Description = "App ID; the SVID names spiffe://<td>/ns/<ns>/<app-id>.",
            Required = true,
        };
        var ns = new Option<string>("--namespace")
        {
            Description = "Namespace of the app.",
            DefaultValueFactory = _ => "default",
        };
        var dns = new Option<string[]>("--dns") { Description = "DNS SAN to add; repeatable.", AllowMultipleArgumentsPerToken = false };
        var ip = new Option<string[]>("--ip") { Description = "IP SAN to add; repeatable.", AllowMultipleArgumentsPerToken = false };
        var ttl = new Option<string>("--ttl")
        {
            Description = "Lifetime such as 30m, 24h or 7d.",
            DefaultValueFactory = _ => "24h",
        };
        var output = new Option<string>("--out") { Description = "Directory for <app-id>.crt and <app-id>.key.", Required = true };
        var command = new Command("issue", "Issue an X509-SVID for an app: <app-id>.crt (leaf + CA) and <app-id>.key.")
        {
            ca, appId, ns, dns, ip, ttl, output,
        };
        command.SetAction(parse =>
        {
            var request = new IssueArguments(
                parse.GetValue(ca)!, parse.GetValue(appId)!, parse.GetValue(ns)!, parse.GetValue(dns) ?? [],
                parse.GetValue(ip) ?? [], parse.GetValue(ttl)!, parse.GetValue(output)!);
            return Issue(parse, request);
        });
        return command;
    }

    private static int Init(ParseResult parse, string directory, string trustDomain, bool force)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (!IsTrustDomain(trustDomain, out var problem))
        {
            stderr.WriteLine($"--trust-domain: '{trustDomain}' is not a valid trust domain: {problem}.");
            return 1;
        }

        var certificatePath = Path.Combine(directory, DevCertificateAuthority.CertificateFileName);
        var keyPath = Path.Combine(directory, DevCertificateAuthority.KeyFileName);
        if (!force && (File.Exists(certificatePath) || File.Exists(keyPath)))
        {
            stderr.WriteLine($"--out: '{directory}' already holds a CA; pass --force to replace it.");
            return 1;
        }

        try
        {
            using var authority = DevCertificateAuthority.Create(trustDomain);
            authority.Save(directory);
            var until = authority.Certificate.NotAfter.ToUniversalTime();
            stdout.WriteLine(
                $"wrote {certificatePath} (CA for trust domain {trustDomain}, valid until {until:yyyy-MM-dd}; use it as the trust bundle)");
            stdout.WriteLine($"wrote {keyPath} (CA private key, mode 0600)");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"--out: cannot write the CA to '{directory}': {ex.Message}");
            return 1;
        }
    }

    private static int Issue(ParseResult parse, IssueArguments arguments)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var problem = CheckIssueArguments(arguments, out var ttl, out var addresses);
        if (problem is not null)
        {
            stderr.WriteLine(problem);
            return 1;
        }

        DevCertificateAuthority authority;
        try
        {
            authority = DevCertificateAuthority.Load(arguments.CaDirectory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"--ca: {ex.Message}");
            return 1;
        }

        using (authority)
        {
            var request = new SvidRequest(arguments.AppId, arguments.Namespace, arguments.DnsNames, addresses, ttl);
            using var svid = authority.IssueSvid(request);
            var certificatePath = Path.Combine(arguments.OutputDirectory, arguments.AppId + ".crt");
            var keyPath = Path.Combine(arguments.OutputDirectory, arguments.AppId + ".key");
            try
            {
                SvidFiles.Write(svid, authority.Certificate, certificatePath, keyPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"--out: cannot write the SVID to '{arguments.OutputDirectory}': {ex.Message}");
                return 1;
            }

            var stdout = parse.InvocationConfiguration.Output;
            var id = $"spiffe://{authority.TrustDomain}/ns/{arguments.Namespace}/{arguments.AppId}";
            var until = svid.NotAfter.ToUniversalTime();
            stdout.WriteLine($"wrote {certificatePath} (SVID {id}, valid until {until:yyyy-MM-ddTHH:mm:ssZ}, followed by the CA)");
            stdout.WriteLine($"wrote {keyPath} (private key, mode 0600)");
            return 0;
        }
    }

    private static string? CheckIssueArguments(IssueArguments arguments, out TimeSpan ttl, out List<IPAddress> addresses)
    {
        addresses = [];
        if (!TtlText.TryParse(arguments.Ttl, out ttl))
        {
            return $"--ttl: '{arguments.Ttl}' is not a lifetime; use a number with s, m, h or d, e.g. 30m, 24h, 7d.";
        }

        if (SegmentProblem(arguments.AppId) is { } appIdProblem)
        {
            return $"--app-id: '{arguments.AppId}' cannot be a SPIFFE ID path segment: {appIdProblem}.";
        }

        if (SegmentProblem(arguments.Namespace) is { } namespaceProblem)
        {
            return $"--namespace: '{arguments.Namespace}' cannot be a SPIFFE ID path segment: {namespaceProblem}.";
        }

        foreach (var name in arguments.DnsNames)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '*'))
            {
                return $"--dns: '{name}' is not a DNS name.";
            }
        }

        foreach (var text in arguments.IpAddresses)
        {
            if (!IPAddress.TryParse(text, out var address))
            {
                return $"--ip: '{text}' is not an IP address.";
            }

            addresses.Add(address);
        }

        return null;
    }

    private static string? SegmentProblem(string segment)
    {
        if (segment.Length == 0)
        {
            return "it is empty";
        }

        if (segment.Contains('/', StringComparison.Ordinal))
        {
            return "it contains '/'";
        }

        return SpiffeId.TryParse("spiffe://segment.check/" + segment, out _, out var error) ? null : error;
    }

    private static bool IsTrustDomain(string trustDomain, out string problem)
    {
        if (trustDomain.Contains('/', StringComparison.Ordinal))
        {
            problem = "it contains '/'";
            return false;
        }

        return SpiffeId.TryParse(SpiffeIdSyntax.SchemePrefix + trustDomain, out _, out problem);
    }

    private sealed record IssueArguments(
        string CaDirectory, string AppId, string Namespace, string[] DnsNames, string[] IpAddresses, string Ttl, string OutputDirectory);
}
