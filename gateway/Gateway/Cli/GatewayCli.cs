using System.CommandLine;

namespace Gateway.Cli;

/// <summary>The <c>gateway</c> command line: <c>run</c> (the default), <c>validate</c>, <c>scopes</c>, <c>certs</c>, <c>identity</c>.</summary>
internal static class GatewayCli
{
    public static RootCommand Create() => new("A Dapr-compatible pub/sub gateway with SPIFFE identities.")
    {
        RunCommand.Create(),
        ValidateCommand.Create(),
        ScopesCommand.Create(),
        CertsCommand.Create(),
        IdentityCommand.Create(),
    };

    public static Task<int> InvokeAsync(string[] args)
    {
        Hosting.DurationSettingConverter.Install();
        // `gateway help [command]` is `gateway [command] --help`.
        if (args is ["help", .. var rest])
        {
            args = [.. rest, "--help"];
        }

        // `gateway` and `gateway --flag ...` mean `gateway run ...`.
        var known = new[] { "run", "validate", "scopes", "certs", "identity", "help", "--help", "-h", "-?", "--version" };
        if (args.Length == 0 || (args[0].StartsWith('-') && !known.Contains(args[0])))
        {
            args = ["run", .. args];
        }

        return Create().Parse(args).InvokeAsync();
    }
}
