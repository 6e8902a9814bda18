using Gateway.Drivers;
using Gateway.Resources.Parsing;
using Gateway.Resources.Validation;
using Gateway.Secrets;

namespace Gateway.Resources.Resolution;

/// <summary>
/// Opens the secret stores of a resources folder once every document is read: checks each store's metadata
/// with the same key policy as drivers' metadata, reads a <c>local.file</c> store's JSON through the resource
/// file reader (regular files only, size limit), and records the file for live reload to watch.
/// </summary>
internal static class SecretStoreLoader
{
    /// <summary>The stores that opened, by namespace and name; every problem goes to <paramref name="diagnostics"/>.</summary>
    public static Dictionary<(string Namespace, string Name), ISecretStore> Load(
        ParsedResources parsed, string directory, long maxFileBytes, Func<string, string?> environment, LoadDiagnostics diagnostics)
    {
        var stores = new Dictionary<(string, string), ISecretStore>();
        foreach (var spec in parsed.SecretStores)
        {
            ISecretStore? store = spec.Type == SecretStoreTypes.LocalFile
                ? OpenFile(spec, parsed, directory, maxFileBytes, diagnostics)
                : OpenEnvironment(spec, environment, diagnostics);
            if (store is not null)
            {
                stores.TryAdd((spec.Namespace, spec.Name), store);
            }
        }

        return stores;
    }

    private static LocalFileSecretStore? OpenFile(SecretStoreSpec spec, ParsedResources parsed, string directory, long maxFileBytes, LoadDiagnostics diagnostics)
    {
        var options = SecretStoreOptionsParser.ParseLocalFile(spec.Metadata, out var problems);
        if (Report(spec, problems, diagnostics) || options.SecretsFile.Length == 0)
        {
            return null;
        }

        var path = Path.GetFullPath(options.SecretsFile, Path.GetFullPath(directory));
        parsed.SecretFiles.Add(path);
        var line = LineOf(spec, LocalFileSecretsOptions.SecretsFileKey);
        if (ResourceFileReader.Read(path, maxFileBytes, out var readProblem) is not { } bytes)
        {
            diagnostics.AddError(spec.Problem(line, $"secrets file '{path}': {readProblem}"));
            return null;
        }

        var store = LocalFileSecretStore.Create(path, bytes, options, out var parseProblem);
        if (store is null)
        {
            diagnostics.AddError(spec.Problem(line, $"secrets file '{path}': {parseProblem}; fix the file"));
        }

        return store;
    }

    private static LocalEnvSecretStore? OpenEnvironment(SecretStoreSpec spec, Func<string, string?> environment, LoadDiagnostics diagnostics)
    {
        var prefix = SecretStoreOptionsParser.ParseLocalEnv(spec.Metadata, out var problems);
        return Report(spec, problems, diagnostics) ? null : new LocalEnvSecretStore(prefix, environment);
    }

    /// <summary>Reports every metadata problem of the store; true when one of them is an error.</summary>
    private static bool Report(SecretStoreSpec spec, IReadOnlyList<MetadataProblem> problems, LoadDiagnostics diagnostics)
    {
        foreach (var problem in problems)
        {
            var error = spec.Problem(LineOf(spec, problem.Key), problem.Message);
            if (problem.IsError)
            {
                diagnostics.AddError(error);
            }
            else
            {
                diagnostics.AddWarning(error);
            }
        }

        return problems.Any(problem => problem.IsError);
    }

    private static int LineOf(SecretStoreSpec spec, string key) =>
        spec.Items.FirstOrDefault(item => string.Equals(item.Name, key, StringComparison.OrdinalIgnoreCase))?.Line ?? spec.Location.Line;
}
