using System.CommandLine;
using Gateway.Hosting;
using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Cli;

/// <summary>
/// Hidden: <c>noop --listen https://127.0.0.1:0 --svid-cert F --svid-key F --trust-bundle TD=F</c>, the no-op
/// baseline server, run by the generator as its own process. Prints <see cref="ListeningPrefix"/> and its address.
/// </summary>
internal static class NoopCommand
{
    public const string ListeningPrefix = "noop listening on ";

    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "https://HOST:PORT", DefaultValueFactory = _ => "https://127.0.0.1:0" };
        var svidCert = new Option<string>("--svid-cert") { Required = true };
        var svidKey = new Option<string>("--svid-key") { Required = true };
        var trustBundles = new Option<string[]>("--trust-bundle") { Required = true, AllowMultipleArgumentsPerToken = false };
        var command = new Command("noop", "The no-op mTLS endpoint (the gateway's Kestrel and TLS set-up, answering 204).") { listen, svidCert, svidKey, trustBundles };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new GatewayOptions { Listen = parse.GetValue(listen)!, SvidCert = parse.GetValue(svidCert), SvidKey = parse.GetValue(svidKey) };
            foreach (var bundle in parse.GetValue(trustBundles) ?? [])
            {
                var equals = bundle.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    Console.Error.WriteLine($"error: --trust-bundle '{bundle}' is not of the form <trust-domain>=<file>");
                    return Task.FromResult(1);
                }

                options.TrustBundles[bundle[..equals]] = bundle[(equals + 1)..];
            }

            return NoopEndpoint.RunAsync(options, address => Console.Out.WriteLine(ListeningPrefix + address), cancellationToken);
        });
        return command;
    }
}
