using System.CommandLine;
using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway validate --resources-path DIR [--strict]</c>: every warning and error at once on stderr; exit 1
/// when there is an error (or, with <c>--strict</c>, a warning), else exit 0. What is skipped as Dapr skips it
/// (documents without apiVersion or kind, kinds and component types the gateway does not read, subscriptions
/// whose pubsub does not exist) is a warning naming it, and counted on the summary line. Secret values are read
/// to check the components, and never printed.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var resourcesPath = new Option<string>("--resources-path") { Description = "Folder of resource YAML files.", DefaultValueFactory = _ => "./components" };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors (exit 1), for CI." };
        var command = new Command("validate", "Check resource files without starting anything.") { resourcesPath, strict };
        command.SetAction(parseResult => Run(parseResult.GetValue(resourcesPath)!, Console.Out, Console.Error, parseResult.GetValue(strict)));
        return command;
    }

    /// <param name="environment">Where <c>secretstores.local.env</c> and <c>envRef</c> read; default the process's environment.</param>
    internal static int Run(string directory, TextWriter stdout, TextWriter stderr, bool strict = false, Func<string, string?>? environment = null)
    {
        var result = ResourceLoader.Load(directory, DriverCatalog.Default, environment: environment);
        foreach (var warning in result.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine(error);
            }

            stderr.WriteLine($"{result.Errors.Count} error(s) in {Path.GetFullPath(directory)}");
            return 1;
        }

        if (strict && result.Warnings.Count > 0)
        {
            stderr.WriteLine($"{result.Warnings.Count} warning(s) in {Path.GetFullPath(directory)}, and --strict treats them as errors");
            return 1;
        }

        var resources = result.Resources!;
        var skipped = result.Warnings.Count(warning => warning.Skipped);
        stdout.WriteLine(
            $"valid: {resources.Components.Count} component(s), {resources.Subscriptions.Count} subscription(s), {resources.Apps.Count} app(s), {resources.Resiliencies.Count} resiliency resource(s)" +
            (skipped > 0 ? $"; {skipped} document(s) skipped" : string.Empty) +
            (result.Warnings.Count > 0 ? $"; {result.Warnings.Count} warning(s) on stderr" : string.Empty));
        return 0;
    }
}
