using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port with its own temporary directory, which it
/// can stop and start again on the same port and directory. The plain shared server (the class fixture)
/// is, in this order: <c>REDIS_ADDRESS</c> (host:port) when set; a Testcontainers.Redis container when a
/// Docker engine is reachable; else the process. <see cref="IsExternal"/> tells the tests that need to
/// stop or configure the server to report themselves skipped. Which one the run used is written to the
/// file named by <c>REDIS_TEST_SERVER_REPORT</c> (tests/run.sh prints it).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    /// <summary>The environment variable naming the file the choice is reported to.</summary>
    public const string ReportVariable = "REDIS_TEST_SERVER_REPORT";

    /// <summary>The image of the container server (Redis 7.0, as Debian's redis-server).</summary>
    public const string ContainerImage = "redis:7.0";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly RedisServerOptions _options;
    private readonly string? _directory;
    private readonly bool _inContainer;
    private Process? _process;
    private Testcontainers.Redis.RedisContainer? _container;

    /// <summary>The plain server shared by a test class (xunit class fixture).</summary>
    public RedisServerFixture()
        : this(new RedisServerOptions())
    {
    }

    private RedisServerFixture(RedisServerOptions options)
    {
        _options = options;
        var external = Environment.GetEnvironmentVariable("REDIS_ADDRESS");
        if (!string.IsNullOrWhiteSpace(external) && options == new RedisServerOptions())
        {
            Address = external.Trim();
            IsExternal = true;
            Report($"the server REDIS_ADDRESS names ({Address})");
            return;
        }

        if (options == new RedisServerOptions() && DockerEngineReachable())
        {
            // The address is the container's, known once it runs; tests must not stop it (it is not ours to restart).
            _inContainer = true;
            IsExternal = true;
            Address = string.Empty;
            return;
        }

        _directory = Directory.CreateTempSubdirectory("gateway-redis-").FullName;
        Address = $"127.0.0.1:{FreePort()}";
    }

    /// <summary><c>host:port</c>, as written in a component's <c>redisHost</c>.</summary>
    public string Address { get; private set; }

    /// <summary>True when the tests run against <c>REDIS_ADDRESS</c>, which they must not stop or reconfigure.</summary>
    public bool IsExternal { get; }

    /// <summary>The skip reason of a test that needs a server of its own when <see cref="IsExternal"/>.</summary>
    public static string ExternalReason(string what) =>
        $"needs a redis-server of its own to {what}; REDIS_ADDRESS points at an external server " +
        $"({Environment.GetEnvironmentVariable("REDIS_ADDRESS")?.Trim()}), which tests must not reconfigure or stop. Unset REDIS_ADDRESS to run it.";

    internal static bool UsesExternalServer => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("REDIS_ADDRESS"));

    internal int Port => int.Parse(Address[(Address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<RedisServerFixture> StartAsync(RedisServerOptions options)
    {
        var fixture = new RedisServerFixture(options);
        await fixture.InitializeAsync();
        return fixture;
    }

    public async ValueTask InitializeAsync()
    {
        if (_inContainer)
        {
            // Failing to start is an error of the run, not a reason to fall back quietly.
            _container = new Testcontainers.Redis.RedisBuilder(ContainerImage).Build();
            await _container.StartAsync();
            Address = _container.GetConnectionString();
            Report($"a Testcontainers.Redis container ({ContainerImage}) at {Address}");
        }
        else if (!IsExternal)
        {
            await StartAsync();
            if (_options == new RedisServerOptions())
            {
                Report($"redis-server processes started by the tests ({FirstLine("redis-server", "--version")})");
            }
        }
    }

    /// <summary>Starts the server (again) on the same port and directory, and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Arguments())
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    /// <summary>Kills the server at once (SIGKILL): only what it has already written to disk survives.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>SIGSTOP: the server keeps its connections open and answers nothing until <see cref="Resume"/>.</summary>
    internal void Pause() => Topologies.RedisProcess.Signal(_process, "STOP");

    /// <summary>SIGCONT.</summary>
    internal void Resume() => Topologies.RedisProcess.Signal(_process, "CONT");

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>StackExchange.Redis settings that satisfy this server's password, user and TLS requirements: a test's own look at the server.</summary>
    internal ConfigurationOptions ClientOptions()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { Address },
            User = _options.AclUser?.Name,
            Password = _options.AclUser?.Password ?? _options.RequirePassword,
            AbortOnConnectFail = true,
            ConnectTimeout = 2000,
        };
        if (_options.Tls is { } tls)
        {
            options.Ssl = true;
            var client = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(tls.ClientCertificatePem, tls.ClientKeyPem);
            options.CertificateSelection += (_, _, _, _, _) => client;
            options.CertificateValidation += (_, _, _, _) => true;
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        await StopAsync();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private IEnumerable<string> Arguments()
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--bind";
        yield return "127.0.0.1";
        yield return "--dir";
        yield return _directory!;
        yield return "--save";
        yield return "";
        yield return "--appendonly";
        yield return _options.AppendOnly ? "yes" : "no";
        if (_options.AppendOnly)
        {
            yield return "--appendfsync";
            yield return "always";
        }

        if (_options.RequirePassword is { } password)
        {
            yield return "--requirepass";
            yield return password;
        }

        if (_options.AclUser is var (name, secret))
        {
            // redis-server joins the words after an option into one config line, one word per argument.
            var defaultUser = _options.DefaultUserStaysOpen ? new[] { "--user", "default", "on", "nopass", "~*", "&*", "+@all" } : ["--user", "default", "off"];
            foreach (var argument in new[] { "--user", name, "on", $">{secret}", "~*", "&*", "+@all" }.Concat(defaultUser))
            {
                yield return argument;
            }
        }

        if (_options.Tls is { } tls)
        {
            var (authority, certificate, key) = tls.WriteServerFiles(_directory!);
            foreach (var argument in new[] { "--port", "0", "--tls-port", port, "--tls-cert-file", certificate, "--tls-key-file", key, "--tls-ca-cert-file", authority, "--tls-auth-clients", "yes" })
            {
                yield return argument;
            }
        }
        else
        {
            yield return "--port";
            yield return port;
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(ClientOptions());
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisException) when (waited.Elapsed < StartTimeout && _process is { HasExited: false })
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Docker's own rule: <c>DOCKER_HOST</c>, else the default socket.</summary>
    private static bool DockerEngineReachable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    private static void Report(string description)
    {
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"Redis single-node tests (Gateway.Drivers.Tests): {description}{Environment.NewLine}");
        }
    }

    private static string FirstLine(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var line = process.StandardOutput.ReadLine() ?? string.Empty;
            process.WaitForExit();
            return line.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{program} not found";
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
