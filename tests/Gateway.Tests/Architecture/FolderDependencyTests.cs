using System.Reflection;
using System.Text.RegularExpressions;
using Gateway.Tests.Operations;

namespace Gateway.Tests.Architecture;

/// <summary>
/// Guards the shape of gateway/Gateway: feature folders follow the two paths (publish, delivery) from the
/// bottom up, and a folder may only use the folders its entry in <see cref="Allowed"/> names, each with the
/// reason. A new edge fails here until it is declared, and the declared edges must stay free of cycles, so
/// two folders can never start using each other. docs/architecture.md draws the same table.
/// </summary>
public sealed partial class FolderDependencyTests
{
    /// <summary>What each folder may use (besides the Drivers contract and the Scopes engine, which are projects of their own).</summary>
    internal static readonly IReadOnlyDictionary<string, (string[] Uses, string Why)> Allowed = new Dictionary<string, (string[], string)>
    {
        ["Identity"] = ([], "SPIFFE IDs, X509- and JWT-SVID rules: pure, used by everything that checks a peer"),
        ["Routing"] = ([], "the CEL subset of routing rules: pure"),
        ["CloudEvents"] = ([], "CloudEvents 1.0 and Dapr's envelope: pure"),
        ["Telemetry"] = ([], "instruments, spans and exporters; every path records into it, it knows none of them"),
        ["Certificates"] = (["Identity"], "the development CA issues SVIDs in the shapes Identity defines"),
        ["Secrets"] = ([], "Dapr's local secret stores (a JSON file, environment variables): values in memory, no YAML, nothing logged"),
        ["Resources"] = (["Routing", "Secrets"], "YAML in, specs out; route expressions are compiled at load time to report errors with their line; secretKeyRef values are fetched at load time"),
        ["Resiliency"] = (["Resources"], "policies built from Resiliency specs"),
        ["Pubsub"] = (["Resources", "Telemetry"], "components and drivers from Component specs; scope denials are counted"),
        ["Credentials"] = (["Certificates", "Identity", "Telemetry"], "the gateway's own SVID and bundles, their rotation and expiry gauge"),
        ["Authentication"] = (["Credentials", "Identity", "Telemetry"], "callers from the handshake (current bundles) or a JWT-SVID"),
        ["Publishing"] = (["Authentication", "CloudEvents", "Pubsub", "Resiliency", "Resources", "Telemetry"], "the publish path: caller, component, topic names, envelope, policy, driver"),
        ["Delivery"] = (["Authentication", "CloudEvents", "Credentials", "Identity", "Publishing", "Pubsub", "Resiliency", "Resources", "Routing", "Telemetry"],
            "the delivery path: decode, route, send over mTLS (own SVID, app's expected ID), policy, dead letters through Publishing"),
        ["Subscriptions"] = (["Authentication", "Delivery", "Publishing", "Pubsub", "Resources", "Routing", "Telemetry"],
            "the subscription lifecycle: what apps declare, starting and stopping deliveries, the runtime API"),
        ["Metadata"] = (["Authentication", "Credentials", "Publishing", "Pubsub", "Resources", "Subscriptions"], "the metadata and health API reports on everything above"),
        ["GrpcApi"] = (["Authentication", "Metadata", "Publishing", "Subscriptions"],
            "Dapr's gRPC API, a thin front door like the HTTP endpoints: the same caller authentication, publish service and metadata"),
        ["Hosting"] = (["Authentication", "Credentials", "Delivery", "GrpcApi", "Identity", "Metadata", "Publishing", "Pubsub", "Resiliency", "Resources", "Subscriptions", "Telemetry"],
            "the composition root: settings, wiring, routing of requests, live reload"),
        ["Cli"] = (["Certificates", "Credentials", "Hosting", "Identity", "Pubsub", "Resources", "Telemetry"], "the commands; run starts Hosting and maps its flags onto the settings, telemetry ones included"),
    };

    private static readonly string SourceRoot = RepositoryFiles.PathOf("gateway/Gateway");

    [Fact]
    public void EveryFolder_UsesOnlyTheFoldersItDeclares()
    {
        var found = FolderUses();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        var undeclared = found
            .SelectMany(folder => folder.Value.Where(use => !Allowed[folder.Key].Uses.Contains(use.Key))
                .Select(use => $"{folder.Key} uses {use.Key} ({string.Join(", ", use.Value.Order(StringComparer.Ordinal))})"))
            .ToList();
        Assert.True(undeclared.Count == 0, "Undeclared folder dependencies (declare them in FolderDependencyTests.Allowed with the reason, or move the code):\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void DeclaredDependencies_HaveNoCycle()
    {
        var state = new Dictionary<string, int>();
        foreach (var folder in Allowed.Keys)
        {
            Visit(folder, []);
        }

        void Visit(string folder, List<string> path)
        {
            if (state.GetValueOrDefault(folder) == 2)
            {
                return;
            }

            Assert.False(state.GetValueOrDefault(folder) == 1, "Folders that use each other: " + string.Join(" -> ", path.Append(folder)));
            state[folder] = 1;
            foreach (var use in Allowed[folder].Uses)
            {
                Assert.True(Allowed.ContainsKey(use), $"{folder} declares an unknown folder {use}");
                Visit(use, [.. path, folder]);
            }

            state[folder] = 2;
        }
    }

    [Fact]
    public void DeclaredDependencies_AreAllUsed()
    {
        var found = FolderUses();
        var unused = Allowed.SelectMany(folder => folder.Value.Uses.Where(use => !found[folder.Key].ContainsKey(use)).Select(use => $"{folder.Key} -> {use}")).ToList();
        Assert.True(unused.Count == 0, "Declared but unused (remove them from the table): " + string.Join(", ", unused));
    }

    /// <summary>Folder → used folder → the files that use it: <c>using Gateway.X</c>, <c>Gateway.X.Type</c>, or <c>X.Type</c> naming a type of that folder.</summary>
    private static Dictionary<string, Dictionary<string, HashSet<string>>> FolderUses()
    {
        var typesByFolder = typeof(Gateway.Hosting.GatewayOptions).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("Gateway.", StringComparison.Ordinal) == true && !type.IsNested)
            .GroupBy(type => type.Namespace!.Split('.')[1])
            .ToDictionary(group => group.Key, group => group.Select(type => type.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal));
        var result = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var directory in Directory.GetDirectories(SourceRoot).Where(path => Path.GetFileName(path) is not ("bin" or "obj")))
        {
            var folder = Path.GetFileName(directory);
            var uses = result[folder] = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            {
                var code = Comment().Replace(File.ReadAllText(file), "");
                var named = UsingOrQualified().Matches(code).Select(match => match.Groups["folder"].Value)
                    .Concat(Relative().Matches(code)
                        .Where(match => typesByFolder.TryGetValue(match.Groups["folder"].Value, out var types) && types.Contains(match.Groups["type"].Value))
                        .Select(match => match.Groups["folder"].Value));
                foreach (var used in named.Where(used => used != folder && typesByFolder.ContainsKey(used)))
                {
                    (uses.TryGetValue(used, out var files) ? files : uses[used] = []).Add(Path.GetRelativePath(SourceRoot, file));
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bGateway\.(?<folder>[A-Z][A-Za-z]+)\b")]
    private static partial Regex UsingOrQualified();

    [GeneratedRegex(@"(?<![\w.])(?<folder>[A-Z][A-Za-z]+)\.(?<type>[A-Z][A-Za-z0-9]*)\b")]
    private static partial Regex Relative();
}
