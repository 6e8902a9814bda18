using System.CommandLine;
using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway validate --resources-path DIR [--strict]</c>: every warning and error at once on stderr; exit 1
/// when there is an error (or, with <c>--strict</c>, a warning), else exit 0.
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

    internal static int Run(string directory, TextWriter stdout, TextWriter stderr, bool strict = false)
    {
        var result = ResourceLoader.Load(directory, DriverCatalog.Default);
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
        stdout.WriteLine(
            $"valid: {resources.Components.Count} component(s), {resources.Subscriptions.Count} subscription(s), {resources.Apps.Count} app(s), {resources.Resiliencies.Count} resiliency resource(s)" +
            (result.Warnings.Count > 0 ? $"; {result.Warnings.Count} warning(s) on stderr" : string.Empty));
        return 0;
    }
}
