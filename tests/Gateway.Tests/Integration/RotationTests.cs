using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Credentials;
using Gateway.Tests.Credentials;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// Rotation without restart on the real gateway: SVID and bundle files change under it (rewritten in
/// place as spiffe-helper does, or swapped via a <c>..data</c> symlink as Kubernetes' AtomicWriter does)
/// while a caller keeps publishing on one keep-alive connection.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RotationTests : IDisposable
{
    private static string Resources => TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" });

    private readonly TestPki pki = new();
    private readonly string volume = Directory.CreateTempSubdirectory("gateway-svid-volume-").FullName;

    public void Dispose()
    {
        pki.Dispose();
        Directory.Delete(volume, recursive: true);
    }

    [Fact]
    public async Task SvidAndBundleReplaced_NoRequestFails_OldConnectionKeepsWorking_NewHandshakesSeeNewCertificate()
    {
        // AtomicWriter layout: tls.crt -> ..data/tls.crt, ..data -> ..v1
        WriteSvidDirectory("..v1", pki.Ca.IssueGatewaySvid());
        File.CreateSymbolicLink(Path.Combine(volume, "..data"), "..v1");
        File.CreateSymbolicLink(Path.Combine(volume, "tls.crt"), Path.Combine("..data", "tls.crt"));
        File.CreateSymbolicLink(Path.Combine(volume, "tls.key"), Path.Combine("..data", "tls.key"));
        var bundlePath = Path.Combine(volume, "bundle.pem");
        File.WriteAllText(bundlePath, pki.Ca.Certificate.ExportCertificatePem() + "\n");
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources, options =>
        {
            options.SvidCert = Path.Combine(volume, "tls.crt");
            options.SvidKey = Path.Combine(volume, "tls.key");
            options.TrustBundles[pki.TrustDomain] = bundlePath;
            options.CredentialPollInterval = TimeSpan.FromMilliseconds(200);
        });
        var original = await ServerCertificateProbe.ThumbprintAsync(gateway.BaseAddress);

        var handshakes = new ConcurrentQueue<string>();
        using var keepAlive = TlsClients.KeepAlive(gateway.BaseAddress, pki.IssueApp("publisher"), handshakes);
        using (var first = await keepAlive.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}")))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        var failures = new ConcurrentQueue<string>();
        var published = 0;
        using var stop = new CancellationTokenSource();
        var publishing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await keepAlive.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    Interlocked.Increment(ref published);
                }
                else
                {
                    failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        });

        // 1. Rewritten in place (through the symlinks, into the current ..data directory), certificate first.
        using var second = pki.Ca.IssueGatewaySvid();
        SvidFiles.Write(second, pki.Ca.Certificate, Path.Combine(volume, "..v1", "tls.crt"), Path.Combine(volume, "..v1", "tls.key"));
        await ServerCertificateProbe.WaitForAsync(gateway.BaseAddress, second.Thumbprint);

        // 2. Atomic symlink swap: new directory, ..data_tmp -> ..v2 renamed over ..data.
        using var third = pki.Ca.IssueGatewaySvid();
        WriteSvidDirectory("..v2", third);
        File.CreateSymbolicLink(Path.Combine(volume, "..data_tmp"), "..v2");
        RenameOver(Path.Combine(volume, "..data_tmp"), Path.Combine(volume, "..data"));
        await ServerCertificateProbe.WaitForAsync(gateway.BaseAddress, third.Thumbprint);

        // 3. The bundle gains a second CA in place: its callers are accepted on new connections.
        using var secondCa = DevCertificateAuthority.Create(pki.TrustDomain);
        File.WriteAllText(bundlePath, pki.Ca.Certificate.ExportCertificatePem() + "\n" + secondCa.Certificate.ExportCertificatePem() + "\n");
        await WaitForStatusAsync(gateway, secondCa.IssueSvid(new SvidRequest("publisher", IpAddresses: [IPAddress.Loopback])), HttpStatusCode.NoContent);

        await stop.CancelAsync();
        await publishing;
        Assert.Empty(failures);
        Assert.True(published > 0);
        Assert.Equal([original], handshakes);
        Assert.NotEqual(original, third.Thumbprint);
    }

    [Fact]
    public async Task HalfWrittenSvidFile_KeepsTheOldSetAndLogsUntilTheFileIsWhole()
    {
        await using var gateway = await StartWithPlainFilesAsync();
        var store = gateway.App.Services.GetRequiredService<CredentialStore>();
        var original = store.Current.Svid.Thumbprint;
        using var next = pki.Ca.IssueGatewaySvid();
        var pem = next.ExportCertificatePem();

        File.WriteAllText(pki.GatewayCertPath, pem[..(pem.Length / 2)]);
        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(e => e.EventId == 2102), "a reload failure logged");

        Assert.Equal(original, await ServerCertificateProbe.ThumbprintAsync(gateway.BaseAddress));
        Assert.Equal(original, store.Current.Svid.Thumbprint);
        Assert.NotNull(store.Status.LastError);

        SvidFiles.Write(next, pki.Ca.Certificate, pki.GatewayCertPath, pki.GatewayKeyPath);
        await ServerCertificateProbe.WaitForAsync(gateway.BaseAddress, next.Thumbprint);
        Assert.Null(store.Status.LastError);
    }

    [Fact]
    public async Task CertificateWithTheOldKey_KeepsTheOldSetAndLogsWhy()
    {
        await using var gateway = await StartWithPlainFilesAsync();
        var store = gateway.App.Services.GetRequiredService<CredentialStore>();
        var original = store.Current.Svid.Thumbprint;
        using var next = pki.Ca.IssueGatewaySvid();

        File.WriteAllText(pki.GatewayCertPath, next.ExportCertificatePem() + "\n" + pki.Ca.Certificate.ExportCertificatePem() + "\n");
        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(e => e.EventId == 2102), "a reload failure logged");

        Assert.Equal(original, await ServerCertificateProbe.ThumbprintAsync(gateway.BaseAddress));
        Assert.Contains("key", store.Status.LastError, StringComparison.OrdinalIgnoreCase);
    }

    private Task<GatewayTestHost> StartWithPlainFilesAsync() =>
        GatewayTestHost.StartAsync(pki, Resources, options => options.CredentialPollInterval = TimeSpan.FromMilliseconds(200));

    private void WriteSvidDirectory(string name, X509Certificate2 svid)
    {
        var directory = Path.Combine(volume, name);
        Directory.CreateDirectory(directory);
        SvidFiles.Write(svid, pki.Ca.Certificate, Path.Combine(directory, "tls.crt"), Path.Combine(directory, "tls.key"));
    }

    /// <summary>rename(2) of a symlink over another, as AtomicWriter does; <c>mv -T</c> never follows the target link.</summary>
    private static void RenameOver(string source, string target)
    {
        using var mv = Process.Start(new ProcessStartInfo("mv", ["-T", source, target]) { UseShellExecute = false })!;
        mv.WaitForExit();
        Assert.Equal(0, mv.ExitCode);
    }

    private static async Task WaitForStatusAsync(GatewayTestHost gateway, X509Certificate2 certificate, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var client = gateway.ClientWith(certificate);
            using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));
            if (response.StatusCode == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"still {(int)response.StatusCode} after 30 s");
            await Task.Delay(100);
        }
    }
}
