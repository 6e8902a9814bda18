using System.Security.Cryptography.X509Certificates;
using Gateway.Tests.TestSupport;

namespace Gateway.QuickBench;

/// <summary>A development CA and the SVIDs of the gateway, the subscriber and the publisher, made with <c>gateway certs</c>.</summary>
internal sealed class BenchPki : IDisposable
{
    private BenchPki(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; private set; } = null!;

    public X509Certificate2 Subscriber { get; private set; } = null!;

    public X509Certificate2 Publisher { get; private set; } = null!;

    public IReadOnlyList<string> RunArguments =>
    [
        "--svid-cert", Path.Combine(Directory, "gateway.crt"), "--svid-key", Path.Combine(Directory, "gateway.key"),
        "--trust-bundle", $"public={Path.Combine(Directory, "ca", "ca.crt")}",
    ];

    public static async Task<BenchPki> CreateAsync()
    {
        var pki = new BenchPki(System.IO.Directory.CreateTempSubdirectory("gateway-bench-pki-").FullName);
        var ca = Path.Combine(pki.Directory, "ca");
        await CliAsync(pki.Directory, "certs", "init", "--out", ca, "--trust-domain", "public");
        foreach (var appId in new[] { "gateway", "subscriber", "publisher" })
        {
            await CliAsync(pki.Directory, "certs", "issue", "--ca", ca, "--app-id", appId, "--dns", "localhost", "--ip", "127.0.0.1", "--out", pki.Directory);
        }

        pki.Ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(ca, "ca.crt")));
        pki.Subscriber = pki.Load("subscriber");
        pki.Publisher = pki.Load("publisher");
        return pki;
    }

    public void Dispose()
    {
        Ca.Dispose();
        Subscriber.Dispose();
        Publisher.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private X509Certificate2 Load(string appId) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(Directory, appId + ".crt"), Path.Combine(Directory, appId + ".key"));

    private static async Task CliAsync(string directory, params string[] args)
    {
        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(directory, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"gateway {string.Join(' ', args)} exited with {exitCode}: {stdout}{stderr}");
        }
    }
}
